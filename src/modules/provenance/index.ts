// Provenance owns where each record comes from: the document and the sentence that states it, or
// the imported file's sheet and row, and whether the record states the fact or infers it.
import { NodeSourcesResolver, RowSourcesResolver } from "./sources.resolver";

export { Certainty, Source, SourceInput, SourceRow } from "../../core/source";

export const provenanceResolvers = [RowSourcesResolver, NodeSourcesResolver] as const;
