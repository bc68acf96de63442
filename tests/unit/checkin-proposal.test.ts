import { ErrorCode } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import { refusal } from '../helpers/refusal.ts';
import { assertMayAcceptProposal } from '../../server/src/checkins/proposal.ts';

const proposal = { day: 3, proposedBy: 'alex', proposedAt: 1_000 };

describe('agreeing to a proposed check-in day', () => {
  it('is for the partner of the one who proposed it, and gives the proposal back', () => {
    expect(assertMayAcceptProposal(proposal, 'sam')).toEqual(proposal);
  });

  it('is refused to the proposer (403 not_yours)', () => {
    expect(refusal(() => assertMayAcceptProposal(proposal, 'alex'))).toEqual([403, ErrorCode.notYours]);
  });

  it('is refused when nothing is proposed (409 conflict)', () => {
    expect(refusal(() => assertMayAcceptProposal(null, 'sam'))).toEqual([409, ErrorCode.conflict]);
  });
});
