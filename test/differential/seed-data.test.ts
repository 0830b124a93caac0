// The faster strategies answer as the resolvers do, on the seed data: 500 generated documents.
import { expectSameAnswers } from "../support/differential";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

it("answers 500 generated documents on the seed data as the resolvers do", async () => {
  await expectSameAnswers("seed data", hub, 16, 500);
}, 120_000);
