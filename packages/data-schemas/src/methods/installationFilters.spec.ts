import { Types } from 'mongoose';
import { installationMatch } from './installationFilters';

const org = new Types.ObjectId();
const me = new Types.ObjectId();
const group = new Types.ObjectId();
const member = { userId: me, groupIds: [group] };

describe('installationMatch', () => {
  it('gives an installation admin the whole organisation', () => {
    expect(installationMatch(org, { all: true })).toEqual({ organizationId: org });
  });

  it('limits others to their personal installs, their groups’ team installs and org installs', () => {
    expect(installationMatch(org, member)).toEqual({
      organizationId: org,
      $or: [
        { scope: 'personal', ownerId: me },
        { scope: 'team', teamId: { $in: [group] } },
        { scope: 'org' },
      ],
    });
  });

  it('narrows the visibility branches to the requested scope', () => {
    expect(installationMatch(org, member, { scope: 'team' })).toEqual({
      organizationId: org,
      scope: 'team',
      $or: [{ scope: 'team', teamId: { $in: [group] } }],
    });
  });

  it('a userId filter means personal installs of that user, and contradicts any other scope', () => {
    const other = new Types.ObjectId();
    expect(installationMatch(org, { all: true }, { ownerId: other })).toEqual({ organizationId: org, ownerId: other, scope: 'personal' });
    expect(installationMatch(org, { all: true }, { ownerId: other, scope: 'org' })).toBeNull();
  });

  it('matches nothing for a malformed id instead of throwing', () => {
    expect(installationMatch(org, { all: true }, { _id: 'nope' })).toBeNull();
    expect(installationMatch('nope', { all: true })).toBeNull();
  });
});
