// Restricted fields through the live path: every frame a subscriber's socket receives passes the
// same field rules as a query, whatever the role, in replay and live.
import { Role } from "../../src/core/actor";
import { factId } from "../../src/seed/seed";
import { rawSubscriptions } from "../support/raw-subscriptions";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NANCHANG = factId("city-nanchang");
const SECRETS = [
  "+39 02 5550 1234 (周先生)",
  "liaison@secret.example",
  "+39 02 5550 9999 (后来的)",
];

const createPerson = (contact: string) =>
  hub.gql(
    `mutation($contact: String) { createPerson(input: { nameZh: "联络人", contact: $contact }) { id } }`,
    { contact },
  );

const EVERY_PAYLOAD = `subscription {
  events: hubEvents(since: "0", types: [PERSON_CREATED, PERSON_UPDATED, LIAISON_OFFICE_CREATED, DELEGATION_CREATED]) {
    cursor type snapshot
    entity { ... on Person { contact } ... on LiaisonOffice { contact } }
  }
}`;
const VISITS = `subscription { delegationRecorded(since: "0") { name members { nameZh contact } } }`;

/** A raw graphql-ws connection that keeps every frame it receives, as text. */
async function rawSubscriber(token: string, queries: string[]) {
  const frames: string[] = [];
  const operations = queries.map((query) => ({ query }));
  const socket = await rawSubscriptions(hub.url, token, operations, (text) => frames.push(text));
  return { socket, frames };
}

async function framesUntil(frames: string[], count: number) {
  const deadline = Date.now() + 15_000;
  const nexts = () => frames.filter((frame) => JSON.parse(frame).type === "next");
  while (nexts().length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return nexts().map((frame) => JSON.parse(frame));
}

describe("restricted fields in events", () => {
  it("never leave in the frames of a viewer's, an analyst's or a city editor's subscriptions but as queries show them", async () => {
    const person = (await createPerson(SECRETS[0])).data!.createPerson.id as string;
    await hub.gql(
      `mutation($input: LiaisonOfficeInput!) { createLiaisonOffice(input: $input) { id } }`,
      {
        input: {
          name: "米兰联络处",
          contact: SECRETS[1],
          ownerCityId: NANCHANG,
          hostCountryCode: "IT",
        },
      },
    );
    await hub.gql(`mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`, {
      input: {
        direction: "OUTBOUND",
        name: "带联络人的出访",
        size: 1,
        startDate: "2013-03-01",
        homeCityId: NANCHANG,
        counterpartCountryCode: "IT",
        memberIds: [person],
      },
    });

    const roles = [
      ["viewer", await hub.token(Role.VIEWER)],
      ["analyst", await hub.token(Role.ANALYST)],
      ["editor", await hub.token(Role.EDITOR, [NANCHANG])],
    ] as const;
    const subscribers = await Promise.all(
      roles.map(([, token]) => rawSubscriber(token, [EVERY_PAYLOAD, VISITS])),
    );
    // Replayed: the person, the office and the delegation; then live: a new person, an update.
    await Promise.all(subscribers.map(({ frames }) => framesUntil(frames, 4)));
    await createPerson(SECRETS[2]);
    await hub.gql(
      `mutation($id: ID!) { updatePerson(id: $id, version: 1, input: { title: "顾问" }) { id } }`,
      { id: person },
    );
    for (const [i, [role, token]] of roles.entries()) {
      const received = await framesUntil(subscribers[i].frames, 6);
      const events = received.filter((m) => m.id === "0").map((m) => m.payload);
      expect(events.map((e) => e.data.events.type)).toEqual([
        "PERSON_CREATED",
        "LIAISON_OFFICE_CREATED",
        "DELEGATION_CREATED",
        "PERSON_CREATED",
        "PERSON_UPDATED",
      ]);
      const raw = subscribers[i].frames.join("\n");
      // What a query shows this role of the same records.
      const asQueried = await hub.gql(
        `query($id: ID!) { person(id: $id) { contact } }`,
        { id: person },
        token,
      );
      const maySee = asQueried.data!.person.contact === SECRETS[0];
      for (const secret of SECRETS) expect(raw.includes(JSON.stringify(secret))).toBe(maySee);
      if (!maySee) {
        expect(asQueried.errors![0].extensions.code).toBe("FORBIDDEN");
        const withContact = events.filter((e) => e.data.events.type !== "DELEGATION_CREATED");
        expect(withContact.map((e) => e.data.events.snapshot.contact)).toEqual([
          null,
          null,
          null,
          null,
        ]);
        expect(withContact.map((e) => e.data.events.entity.contact)).toEqual([
          null,
          null,
          null,
          null,
        ]);
        expect(
          events[0].errors.map((e: { extensions: { code: string } }) => e.extensions.code),
        ).toEqual(["FORBIDDEN"]);
        const visit = received.find((m) => m.id === "1").payload;
        expect(visit.data.delegationRecorded.members).toEqual([
          { nameZh: "联络人", contact: null },
        ]);
        expect(visit.errors[0].extensions.code).toBe("FORBIDDEN");
      }
      expect({ role, maySee }).toEqual({ role, maySee: role === "editor" });
    }
    subscribers.forEach(({ socket }) => socket.close());
  });
});
