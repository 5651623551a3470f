import type { Mongoose } from 'mongoose';
import { organizationSchema } from '../schema/organization';
import type { IOrganization } from '../schema/organization';
import { retryOnceOnDuplicateKey } from '../utils/duplicateKey';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export function createOrganizationMethods(mongoose: Mongoose) {
  const Organization = getModel(mongoose, 'Organization', organizationSchema);

  /** Inserts; a taken slug throws a duplicate-key error (→ 409). */
  async function createOrganization(input: { name: string; slug: string }): Promise<IOrganization> {
    const doc = await Organization.create(input);
    return doc.toObject();
  }

  /** The organisation with `slug`, created when absent; `created` tells which. */
  async function ensureOrganization(input: { name: string; slug: string }) {
    const r = await Organization.findOneAndUpdate(
      { slug: input.slug },
      { $setOnInsert: input },
      { upsert: true, new: true, includeResultMetadata: true, lean: true },
    );
    return { organization: r.value as IOrganization, created: !r.lastErrorObject?.updatedExisting };
  }

  async function findOrganizationById(id: Id): Promise<IOrganization | null> {
    const _id = toObjectId(id);
    return _id ? Organization.findById(_id).lean<IOrganization>() : null;
  }

  async function findOrganizationBySlug(slug: string): Promise<IOrganization | null> {
    return Organization.findOne({ slug: slug.toLowerCase() }).lean<IOrganization>();
  }

  async function listOrganizations(): Promise<IOrganization[]> {
    return Organization.find({}).sort({ _id: 1 }).lean<IOrganization[]>();
  }

  return {
    createOrganization,
    ensureOrganization: retryOnceOnDuplicateKey(ensureOrganization),
    findOrganizationById,
    findOrganizationBySlug,
    listOrganizations,
  };
}
