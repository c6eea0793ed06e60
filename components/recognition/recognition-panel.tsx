// Recognition on the commune's page: the titles it holds or held, its dossier under way with the
// steps open to the viewer, and — for the commune — whether it may ask to be recognised, said
// before anything is typed. Revocation sits apart from the usual next step.
import { formatDate, formatNumber } from "@/lib/format";
import type { recognitionView } from "@/lib/recognition/queries";
import { DOSSIER_LABELS, TITLE_LABELS, type DossierStatus, type TitleLevel } from "@/lib/recognition/rules";
import { DossierStepForm, ProposeForm, RevokeForm } from "./recognition-forms";

type View = Awaited<ReturnType<typeof recognitionView>>;

export function RecognitionPanel({ view, commune }: { view: View; commune: { id: number; fullName: string } }) {
  const { titles, open, openActions, propose, canRevoke, inForce, revocation } = view;
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return (
    <section className="grid gap-2 rounded border bg-white p-3" aria-label="Công nhận đạt chuẩn">
      <h2 className="font-semibold text-brand-800">Công nhận đạt chuẩn nông thôn mới</h2>
      {titles.length === 0 && <p className="text-sm text-gray-600">Xã chưa có quyết định công nhận.</p>}
      <ul className="grid gap-1 text-sm">
        {titles.map((t) => (
          <li key={t.id} data-testid="title">
            <span className={t.revocationDate ? "text-gray-500 line-through" : "font-semibold"}>{TITLE_LABELS[t.level as TitleLevel]}</span>: Quyết định {t.decisionNumber} ngày {formatDate(t.decisionDate)}
            {t.signer ? ` · ${t.signer}` : ""} · theo {t.set.name} ({t.set.decision})
            {t.source === "IMPORT" && <span className="ml-1 text-xs text-gray-600">(nhập từ hồ sơ lưu trữ)</span>}
            {t.revocationDate && (
              <span className="block text-red-800">
                Đã thu hồi theo Quyết định {t.revocationNumber} ngày {formatDate(t.revocationDate)}: {t.revocationReason}
              </span>
            )}
          </li>
        ))}
      </ul>
      {inForce && revocation && !revocation.flagged && revocation.criteriaMet < revocation.criteriaTotal && (
        <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">
          Đã đạt chuẩn nhưng chưa duy trì đủ tiêu chí: báo cáo năm {revocation.year} đạt {revocation.criteriaMet}/{revocation.criteriaTotal} tiêu chí.
        </p>
      )}
      {inForce && revocation?.flagged && (
        <p className="rounded bg-red-50 p-2 text-sm text-red-900">
          Thuộc diện xem xét thu hồi theo Quyết định 18/2022/QĐ-TTg: {revocation.reason} (báo cáo năm {revocation.year}).
        </p>
      )}

      {open && (
        <div className="grid gap-2 rounded bg-gray-50 p-2">
          <p className="text-sm">
            Hồ sơ đề nghị công nhận (báo cáo năm {open.report.year}, {open.report.criteriaMet}/{open.report.criteriaTotal} tiêu chí):{" "}
            <strong>{DOSSIER_LABELS[open.status as DossierStatus]}</strong>
            {open.councilVotesTotal ? ` · hội đồng ${formatNumber(open.councilVotesFor)}/${formatNumber(open.councilVotesTotal)} phiếu đồng ý, họp ngày ${formatDate(open.appraisedOn)}` : ""}
          </p>
          {open.status === "RETURNED" && open.returnComment && <p className="text-sm text-amber-800">Trả lại: {open.returnComment}</p>}
          {openActions.map((step) => (
            <DossierStepForm
              key={`${step}-${open.version}`}
              dossierId={open.id}
              version={open.version}
              step={step}
              summary={{
                commune: commune.fullName,
                reportYear: open.report.year,
                criteria: `${open.report.criteriaMet}/${open.report.criteriaTotal}`,
                council: open.councilVotesTotal ? `${open.councilVotesFor}/${open.councilVotesTotal} thành viên đồng ý, họp ngày ${formatDate(open.appraisedOn)}` : null,
                appraisedOn: iso(open.appraisedOn),
              }}
            />
          ))}
        </div>
      )}

      {propose &&
        (propose.problem ? (
          <p className="text-sm text-gray-700" data-testid="propose-problem">{propose.problem}</p>
        ) : (
          <ProposeForm communeId={commune.id} year={propose.year} summary={`Báo cáo năm ${propose.year} đã được xác nhận, đạt đủ tiêu chí: xã có thể gửi hồ sơ đề nghị xét công nhận đạt chuẩn nông thôn mới.`} />
        ))}

      {canRevoke && inForce && (
        <RevokeForm
          recognitionId={inForce.id}
          version={inForce.version}
          decision={`Quyết định ${inForce.decisionNumber} ngày ${formatDate(inForce.decisionDate)}`}
          minDate={inForce.decisionDate.toISOString().slice(0, 10)}
          check={revocation ? (revocation.flagged ? `Theo QĐ 18/2022/QĐ-TTg: ${revocation.reason}.` : `Báo cáo năm ${revocation.year}: ${revocation.criteriaMet}/${revocation.criteriaTotal} tiêu chí đạt — chưa thuộc trường hợp thu hồi vì tiêu chí theo QĐ 18/2022/QĐ-TTg; ghi rõ căn cứ khác nếu thu hồi.`) : null}
        />
      )}
    </section>
  );
}
