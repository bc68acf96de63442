import { Link, useParams } from 'react-router';

/** The way back to the letters list from any letter page. */
export function BackToLetters() {
  const { spaceId = '' } = useParams();
  return (
    <Link to={`/spaces/${spaceId}/letters`} className="back-link">
      <span aria-hidden="true">←</span> All letters
    </Link>
  );
}
