import { InstallationScope } from '@mcp-registry/data-provider';
import type { Schemas } from '../../api/client';

type Installation = Schemas['Installation'];

/** "Ada Lovelace", "you", "the Platform team" or "the organisation". */
export function installedFor(installation: Installation, myId: string): string {
  if (installation.scope === InstallationScope.ORG) return 'the organisation';
  if (installation.scope === InstallationScope.TEAM) return `the ${installation.teamDetails?.name ?? 'unknown'} team`;
  const owner = installation.userDetails.find((u) => u.userId === installation.ownerId);
  if (installation.ownerId === myId) return 'you';
  return owner ? owner.name || owner.email : 'a former user';
}

export function installedBy(installation: Installation, myId: string): string {
  if (installation.installedBy === myId) return 'you';
  const by = installation.installedByDetails;
  return by ? by.name || by.email : 'a former user';
}

/** "Installed for Ada Lovelace (installed by you)"; a replay says it was already there. */
export function installSentence(installation: Installation, created: boolean, myId: string): string {
  const what = created ? 'Installed' : 'Already installed';
  return `${what} for ${installedFor(installation, myId)} (installed by ${installedBy(installation, myId)})`;
}
