// Placeholder until the module's resolvers land.
export const investmentResolvers = [] as const;
