import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import { GroupMemberRole } from '@mcp-registry/data-provider';
import { identityWrites } from '../identity/identityWrites';

export interface IGroupMember {
  userId: Types.ObjectId;
  role: GroupMemberRole;
}

export interface IGroup {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  name: string;
  description: string;
  members: IGroupMember[];
  createdAt: Date;
  updatedAt: Date;
}

const memberSchema = new Schema<IGroupMember>(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    role: { type: String, enum: Object.values(GroupMemberRole), default: GroupMemberRole.MEMBER },
  },
  { _id: false },
);

export const groupSchema = new Schema<IGroup>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    name: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    members: { type: [memberSchema], default: [] },
  },
  { timestamps: true },
);

groupSchema.index({ organizationId: 1, name: 1 }, { unique: true });
groupSchema.index({ organizationId: 1, _id: -1 });
groupSchema.index({ 'members.userId': 1 });

groupSchema.plugin(identityWrites('groups'));
