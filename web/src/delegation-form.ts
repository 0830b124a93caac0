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

  /** The choices are read when the form is first opened; an editor sees its own cities first. */
  async open(): Promise<void> {
    if (this.loaded) return;
    const asked = ++this.asked;
    try {
      const { cities, countries } = await this.api.query<{
        cities: { nodes: { id: string; nameZh: string; nameEn: string }[] };
        countries: { nodes: { code: string; nameZh: string }[] };
      }>(CHOICES);
      if (asked !== this.asked) return;
      const mine = new Set((this.api.claims().cities ?? []).map((id) => id.toLowerCase()));
      const ordered = [...cities.nodes].sort(
        (a, b) => Number(mine.has(b.id.toLowerCase())) - Number(mine.has(a.id.toLowerCase())),
      );
      show(
        this.field("homeCityId"),
        ...ordered.map((city) => el("option", { value: city.id }, `${city.nameZh} ${city.nameEn}`)),
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

  /** Another token may write for other cities: the choices are read again. */
  forgetChoices(): void {
    this.loaded = false;
  }

  private field(name: string): HTMLInputElement & HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLInputElement & HTMLSelectElement;
  }

  /** Only what was filled in is sent: a missing required field is the hub's to name. */
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
      const name = error.extensions?.field?.replace(/^input\./, "").split(".")[0];
      const slot = name && this.form.querySelector(`[data-error-for="${name}"]`);
      if (!slot) {
        general.push(
          error.extensions?.code === "UNAUTHENTICATED"
            ? "登记需要编辑令牌 · recording needs an editor's token"
            : error.message,
        );
        continue;
      }
      slot.textContent = error.message;
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
