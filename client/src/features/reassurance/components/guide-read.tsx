import type { ReassuranceGuideView } from '@twofold/shared';

/** The partner's guide: what helps them when they feel unsure, and the words they would like to hear. */
export function GuideRead({ guide, partnerName }: { guide: ReassuranceGuideView; partnerName: string }) {
  return (
    <div className="reassure-guide">
      {guide.helps && (
        <>
          <p className="reassure-guide__label">When {partnerName} feels unsure about you two</p>
          <p className="reassure-guide__text">{guide.helps}</p>
        </>
      )}
      {guide.words && (
        <>
          <p className="reassure-guide__label">Words {partnerName} would like to hear</p>
          <p className="reassure-guide__text">“{guide.words}”</p>
        </>
      )}
    </div>
  );
}
