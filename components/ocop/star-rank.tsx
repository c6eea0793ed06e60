/** "★★★★☆ 4 sao": the stars are decoration, the words are what screen readers read. */
export function StarRank({ stars, className = "" }: { stars: number | null; className?: string }) {
  if (!stars) return <span className="text-gray-500">–</span>;
  return (
    <span className={`whitespace-nowrap ${className}`}>
      <span aria-hidden="true" className="text-amber-500">
        {"★".repeat(stars)}
        <span className="text-gray-300">{"★".repeat(5 - stars)}</span>
      </span>{" "}
      <span className="text-sm">{stars} sao</span>
    </span>
  );
}
