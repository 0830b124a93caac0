// The faster strategies answer as the resolvers do, on a small synthetic dataset (scale 0.001:
// 30 cities, 50 partnerships, 200 people, 1,000 delegations): 500 generated documents.
import { loadSyntheticDataset } from "../../src/seed/synthetic/load";
import { expectSameAnswers } from "../support/differential";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await loadSyntheticDataset(hub.db, { scale: 0.001, seed: "differential" });
}, 60_000);
afterAll(() => hub.close());

it("answers 500 generated documents on a synthetic sample as the resolvers do", async () => {
  await expectSameAnswers("synthetic data", hub, 17, 500);
}, 120_000);
