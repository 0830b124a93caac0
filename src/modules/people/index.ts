// People owns the individuals and organizations the records name: overseas Chinese businesspeople,
// returnees, experts and officials, the companies, associations and zones, and who belongs where.
import { OrganizationResolver } from "./organization.resolver";
import { affiliationRelations, organizationRelations, personRelations } from "./people.relations";
import { PersonResolver } from "./person.resolver";

export { Affiliation } from "./affiliation";
export { Organization, OrganizationKind } from "./organization";
export { Person, PersonCategory } from "./person";
export { affiliationById, organizationById, personById } from "./people.loaders";
export { PersonInput } from "./people.inputs";
export { PersonService } from "./people.service";

export const peopleResolvers = [
  OrganizationResolver,
  PersonResolver,
  personRelations,
  organizationRelations,
  affiliationRelations,
] as const;
