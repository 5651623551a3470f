export const GroupMemberRole = {
  MEMBER: 'member',
  ADMIN: 'admin',
} as const;

export type GroupMemberRole = (typeof GroupMemberRole)[keyof typeof GroupMemberRole];

export interface GroupMemberDto {
  userId: string;
  role: GroupMemberRole;
}

export interface GroupDto {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  members: GroupMemberDto[];
  createdAt: string;
  updatedAt: string;
}

export interface CreateGroupInput {
  name: string;
  description?: string;
  members?: GroupMemberDto[];
}

export interface UpdateGroupInput {
  name?: string;
  description?: string;
}

export interface AddGroupMemberInput {
  userId: string;
  role?: GroupMemberRole;
}
