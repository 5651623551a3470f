import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import { identityWrites } from '../identity/identityWrites';

export interface IUser {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  email: string;
  name: string;
  /** scrypt hash; never selected unless asked for. */
  passwordHash: string;
  role: string;
  createdAt: Date;
  updatedAt: Date;
}

export const userSchema = new Schema<IUser>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, default: '', trim: true },
    passwordHash: { type: String, required: true, select: false },
    role: { type: String, required: true },
  },
  { timestamps: true },
);

/** Email is the login name, unique across the service. */
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ organizationId: 1, _id: -1 });
userSchema.index({ organizationId: 1, role: 1 });

userSchema.plugin(identityWrites('users'));
