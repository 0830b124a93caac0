// Placeholder until the module's resolvers land.
export const delegationResolvers = [] as const;
