import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import { InstallationScope, InstallationStatus } from '@mcp-registry/data-provider';

export interface IInstallation {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  /** The McpServer this installs. */
  catalogId: Types.ObjectId;
  serverName: string;
  scope: InstallationScope;
  /** Personal scope: the user it belongs to (the target, not necessarily the one who installed it). */
  ownerId: Types.ObjectId | null;
  /** Team scope: the Group. */
  teamId: Types.ObjectId | null;
  installedBy: Types.ObjectId;
  /**
   * The users assigned to it, mirrored from its McpServerUser rows (written together, removed together) so that
   * reads need no join; the rows stay the indexed "which installations may this user use" record.
   */
  userIds: Types.ObjectId[];
  /** One credential envelope (DESIGN.md §5) holding the JSON of the values; never selected unless asked for. */
  customUserVars: string | null;
  /** The variable names only, so responses can say `hasCustomUserVars` without decrypting. */
  customUserVarNames: string[];
  status: InstallationStatus;
  createdAt: Date;
  updatedAt: Date;
}

export const installationSchema = new Schema<IInstallation>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    catalogId: { type: Schema.Types.ObjectId, ref: 'McpServer', required: true },
    serverName: { type: String, required: true },
    scope: { type: String, enum: Object.values(InstallationScope), required: true },
    ownerId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    teamId: { type: Schema.Types.ObjectId, ref: 'Group', default: null },
    installedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    userIds: { type: [{ type: Schema.Types.ObjectId, ref: 'User' }], default: [] },
    customUserVars: { type: String, default: null, select: false },
    customUserVarNames: { type: [String], default: [] },
    status: { type: String, enum: Object.values(InstallationStatus), default: InstallationStatus.ACTIVE },
  },
  { timestamps: true, collection: 'mcpinstallations' },
);

/** One installation per key (server + owner, server + team, server + organisation), enforced by the database. */
installationSchema.index(
  { catalogId: 1, ownerId: 1 },
  { unique: true, partialFilterExpression: { scope: InstallationScope.PERSONAL }, name: 'unique_personal_install' },
);
installationSchema.index(
  { catalogId: 1, teamId: 1 },
  { unique: true, partialFilterExpression: { scope: InstallationScope.TEAM }, name: 'unique_team_install' },
);
installationSchema.index(
  { catalogId: 1, organizationId: 1 },
  { unique: true, partialFilterExpression: { scope: InstallationScope.ORG }, name: 'unique_org_install' },
);
installationSchema.index({ organizationId: 1, _id: -1 });
installationSchema.index({ organizationId: 1, catalogId: 1, _id: -1 });
installationSchema.index({ organizationId: 1, scope: 1, _id: -1 });
installationSchema.index({ organizationId: 1, serverName: 1 });
installationSchema.index({ ownerId: 1, _id: -1 });
installationSchema.index({ teamId: 1, _id: -1 });
