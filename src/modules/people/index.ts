// Placeholder until the module's resolvers land.
export const peopleResolvers = [] as const;
