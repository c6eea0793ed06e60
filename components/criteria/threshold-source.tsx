// Where a threshold comes from: "Nguồn" links to the public pages that state it, with how far
// it is confirmed ("2 nguồn": two independent publishers agree; "1 nguồn"). No source: "mẫu".
// Pure markup, usable from server and client components (the entry screen can show it too).

const CONFIDENCE_LABEL: Record<string, { short: string; title: string }> = {
  TWO_SOURCES: { short: "2 nguồn", title: "Hai nơi đăng độc lập ghi cùng ngưỡng; chưa đối chiếu phụ lục chính thức." },
  ONE_SOURCE: { short: "1 nguồn", title: "Một nơi đăng ghi ngưỡng này; chưa đối chiếu phụ lục chính thức." },
};

/** The web addresses of a stored source (" ; "-separated); anything but http(s) is dropped. */
export function sourceLinks(source: string | null | undefined): string[] {
  return (source ?? "").split(";").map((u) => u.trim()).filter((u) => /^https?:\/\/\S+$/.test(u));
}

export function ThresholdSource({ source, confidence, isSample, className = "" }: {
  source: string | null | undefined;
  confidence: string | null | undefined;
  /** shows "mẫu" when there is no source and the value was not checked against the text */
  isSample?: boolean;
  className?: string;
}) {
  const links = sourceLinks(source);
  if (links.length === 0) {
    return isSample ? (
      <span className={`text-xs text-amber-700 ${className}`} title="Ngưỡng mẫu, chưa có nguồn và chưa đối chiếu văn bản gốc">mẫu</span>
    ) : null;
  }
  const conf = confidence ? CONFIDENCE_LABEL[confidence] : undefined;
  return (
    <span className={`text-xs text-gray-600 ${className}`}>
      <a href={links[0]} target="_blank" rel="noreferrer" className="text-brand-700 underline">Nguồn</a>
      {links.slice(1).map((href, i) => (
        <a key={href} href={href} target="_blank" rel="noreferrer" className="ml-1 text-brand-700 underline" aria-label={`Nguồn ${i + 2}`}>
          {i + 2}
        </a>
      ))}
      {conf && <span title={conf.title}> · {conf.short}</span>}
    </span>
  );
}
