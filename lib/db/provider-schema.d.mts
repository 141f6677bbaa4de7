/** A provider's datamodel derived from prisma/schema.prisma (written for sqlite); `output` rewrites the client's output path. */
export function providerSchema(base: string, provider: 'sqlite' | 'postgresql', output?: string): string;
