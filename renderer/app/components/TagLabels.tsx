import '../../styles/tags-and-filters.css';

/**
 * A highlight's tags as small labels, for cards and listed highlights. Spans, not a list, since they sit inside
 * buttons and options; a hidden "Tags:" and commas make them read as a phrase in the element's accessible name.
 */
export function TagLabels({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="tag-labels">
      <span className="visually-hidden">Tags: </span>
      {tags.map((tag, i) => (
        <span key={tag} className="tag-label" dir="auto">
          {i > 0 && <span className="visually-hidden">, </span>}
          {tag}
        </span>
      ))}
    </span>
  );
}
