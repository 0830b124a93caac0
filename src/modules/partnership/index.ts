// Placeholder until the module's resolvers land.
export const partnershipResolvers = [] as const;
