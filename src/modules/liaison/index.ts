// Placeholder until the module's resolvers land.
export const liaisonResolvers = [] as const;
