// Recording a delegation, for editors: the form sends what was filled in and leaves the checking
// to the hub, whose field errors (extensions.field) are shown next to the fields they name.
import { explain, HubApi, HubError } from "./api";
import { byId, el, show } from "./dom";
import { DIRECTION, label, PURPOSE } from "./labels";

const CHOICES = `{
  cities(filter: { chinese: true }, first: 500) { nodes { id nameZh nameEn } }
  countries(first: 500) { nodes { code nameZh } }
}`;

const CREATE = `mutation($input: DelegationInput!) {
  createDelegation(input: $input) { id name }
}`;

const TEXT_FIELDS = ["name", "leader", "occasion", "startDate", "endDate"] as const;
const CHOICE_FIELDS = ["direction", "homeCityId", "counterpartCountryCode"] as const;

export class DelegationForm {
  private readonly form = byId<HTMLFormElement>("delegation-form");
  private loaded = false;
  /** Only the latest reading of the choices (for the latest token) fills the form. */
  private asked = 0;

  constructor(private readonly api: HubApi) {
    show(
      byId("purposes"),
      ...Object.keys(PURPOSE).map((purpose) =>
        el(
          "label",
          { class: "check" },
          el("input", { type: "checkbox", name: "purposes", value: purpose }),
          label(PURPOSE, purpose),
        ),
      ),
    );
    show(
      this.field("direction"),
      ...Object.keys(DIRECTION).map((direction) =>
        el("option", { value: direction }, label(DIRECTION, direction)),
      ),
    );
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  /** The choices are read when the form is first opened; an editor is offered its own cities. */
  async open(): Promise<void> {
    if (this.loaded) return;
    const asked = ++this.asked;
    try {
      const { cities, countries } = await this.api.query<{
        cities: { nodes: { id: string; nameZh: string; nameEn: string }[] };
        countries: { nodes: { code: string; nameZh: string }[] };
      }>(CHOICES);
      if (asked !== this.asked) return;
      // An editor may record only for its own cities; an admin for any.
      const mine = new Set((this.api.claims().cities ?? []).map((id) => id.toLowerCase()));
      const offered = mine.size
        ? cities.nodes.filter((city) => mine.has(city.id.toLowerCase()))
        : cities.nodes;
      show(
        this.field("homeCityId"),
        ...offered.map((city) => el("option", { value: city.id }, `${city.nameZh} ${city.nameEn}`)),
      );
      show(
        this.field("counterpartCountryCode"),
        el("option", { value: "" }, "—"),
        ...countries.nodes.map((country) =>
          el("option", { value: country.code }, `${country.nameZh} ${country.code}`),
        ),
      );
      this.loaded = true;
    } catch (error) {
      this.say(explain(error, "登记 recording ", "editor"), "error");
    }
  }

  /**
   * Another token may write for other cities: the choices are read again, and the old ones (or a
   * reading still in flight for the old token) must not be offered meanwhile.
   */
  forgetChoices(): void {
    this.loaded = false;
    this.asked++;
    show(this.field("homeCityId"));
  }

  private field(name: string): HTMLInputElement & HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLInputElement & HTMLSelectElement;
  }

  /**
   * Only what was filled in is sent: a missing required field is the hub's to name, and a visit
   * left without a start date is recorded as one no source dates.
   */
  private input(): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    for (const name of [...TEXT_FIELDS, ...CHOICE_FIELDS]) {
      const value = this.field(name).value.trim();
      if (value) input[name] = value;
    }
    const size = this.field("size").value.trim();
    if (size) input.size = Number(size);
    input.purposes = [
      ...this.form.querySelectorAll<HTMLInputElement>("[name=purposes]:checked"),
    ].map((box) => box.value);
    return input;
  }

  private async submit(): Promise<void> {
    this.clearErrors();
    this.say("", "info");
    try {
      const { data, errors } = await this.api.request<{ createDelegation: { name: string } }>(
        CREATE,
        { input: this.input() },
      );
      if (errors?.length) return this.showErrors(errors);
      this.say(`已登记 recorded: ${data!.createDelegation.name}`, "ok");
      this.form.reset();
    } catch (error) {
      this.say(explain(error, "登记 recording ", "editor"), "error");
    }
  }

  private clearErrors(): void {
    for (const slot of this.form.querySelectorAll(".field-error")) slot.textContent = "";
    for (const row of this.form.querySelectorAll(".invalid")) row.classList.remove("invalid");
  }

  /** Each error beside the field it names; one naming no field of the form goes on top. */
  private showErrors(errors: HubError[]): void {
    const general: string[] = [];
    for (const error of errors) {
      const name = fieldOf(error);
      const slot = name && this.form.querySelector(`[data-error-for="${name}"]`);
      if (!slot) {
        general.push(
          error.extensions?.code === "UNAUTHENTICATED"
            ? "登记需要编辑令牌 · recording needs an editor's token"
            : error.message,
        );
        continue;
      }
      slot.textContent = inChinese(error.message);
      slot.closest(".row")?.classList.add("invalid");
    }
    this.say(general.join("; ") || "请更正标出的字段 · please correct the fields marked", "error");
  }

  private say(message: string, tone: "ok" | "error" | "info"): void {
    const status = byId("form-status");
    status.textContent = message;
    status.dataset.tone = tone;
  }
}

/**
 * The form's field an error names: the hub's extensions.field, or for a value GraphQL itself
 * refused (a size that is not a whole number) the path in its message, `at "input.size"`.
 */
function fieldOf(error: HubError): string | undefined {
  const path = error.extensions?.field ?? error.message.match(/at "(input\.[\w.]+)"/)?.[1];
  return path?.replace(/^input\./, "").split(".")[0];
}

/** What went wrong in Chinese, before the hub's own words; the first pattern that fits. */
const REASONS: [RegExp, string][] = [
  [/not provided|required|must not be empty|is empty/i, "必填"],
  [/before|after/i, "日期先后不对"],
  [/date/i, "日期无效"],
  [/Int cannot represent|whole number|integer|positive|greater than|at least|at most/i, "数字无效"],
  [/claim|may not|not allowed|forbidden/i, "无权登记此城市"],
  [/unknown|not found|does not exist|no such/i, "找不到"],
  [/too long|characters/i, "太长"],
];

function inChinese(message: string): string {
  const reason = REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? "无效";
  const plain = message
    .replace(/^Variable "\$input" got invalid value .*?; /, "")
    .replace(/^input\.[\w.]+: /, "");
  return `${reason} · ${plain}`;
}
