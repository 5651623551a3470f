import type { AddGroupMemberInput, CreateGroupInput, UpdateGroupInput } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import type { ServiceDeps } from '../serviceDeps';
import { addGroupMember, createGroup, deleteGroup, getGroup, listGroups, removeGroupMember, updateGroup } from './groupServices';

/** Groups (teams) and their members. */
export function createGroupService(deps: ServiceDeps) {
  return {
    create: (actor: Actor, input: CreateGroupInput) => createGroup(deps, actor, input),
    list: (actor: Actor, query: { limit?: number; after?: string; search?: string }) => listGroups(deps, actor, query),
    get: (actor: Actor, id: string) => getGroup(deps, actor, id),
    update: (actor: Actor, id: string, input: UpdateGroupInput) => updateGroup(deps, actor, id, input),
    remove: (actor: Actor, id: string) => deleteGroup(deps, actor, id),
    addMember: (actor: Actor, id: string, input: AddGroupMemberInput) => addGroupMember(deps, actor, id, input),
    removeMember: (actor: Actor, id: string, userId: string) => removeGroupMember(deps, actor, id, userId),
  };
}
