// Derives a provider's schema from prisma/schema.prisma (written for sqlite).
// Used by client generation, the migration writer and the migration runner, so all see the same datamodel.
export function providerSchema(base, provider, output) {
  let out = base.replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`);
  if (output) out = out.replace(/output\s*=\s*"[^"]*"/, `output       = "${output}"`);
  return out;
}
