// Placeholder until the module's resolvers land.
export const planningResolvers = [] as const;
