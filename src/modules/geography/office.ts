import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { Node, Row } from "../../core/node";

export enum OfficeKind {
  FOREIGN_AFFAIRS = "FOREIGN_AFFAIRS",
  OVERSEAS_CHINESE_AFFAIRS = "OVERSEAS_CHINESE_AFFAIRS",
  COMBINED = "COMBINED",
  EXIT_ENTRY = "EXIT_ENTRY",
  OTHER = "OTHER",
}
registerEnumType(OfficeKind, { name: "OfficeKind" });

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: "A foreign-affairs, overseas-Chinese-affairs or exit-entry office (外办 / 侨办).",
})
@Entity("office")
export class Office extends Row {
  @Field()
  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: "name_en", type: "text", nullable: true })
  nameEn!: string | null;

  @Field(() => OfficeKind)
  @Column({ type: "text" })
  kind!: OfficeKind;

  @Field(() => ID)
  @Column({ name: "city_id", type: "uuid" })
  cityId!: string;
}
