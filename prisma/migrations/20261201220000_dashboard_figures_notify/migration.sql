-- The portal server keeps the dashboards' figures in memory (lib/dashboard/figure-cache.ts) and
-- drops them when PostgreSQL tells it that a table they are read from has changed. A statement
-- changing one of these tables queues a notification on channel "ntm_figures"; PostgreSQL
-- delivers it when the transaction commits (never when it rolls back), once per transaction
-- (identical notifications of a transaction are folded into one), to every server listening.
CREATE FUNCTION ntm_notify_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ntm_figures', '');
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'AdminUnit', 'UnitSuccession', 'Phase', 'CriteriaSet', 'Criterion',
    'Assessment', 'CriterionResult', 'CommuneYearSummary', 'CriterionYearSummary',
    'PlanEntry', 'OcopProducer', 'OcopProduct', 'OcopEvaluation',
    'CapitalLine', 'CapitalDisbursement', 'Survey', 'SurveyResponse'
  ] LOOP
    EXECUTE format('CREATE TRIGGER ntm_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_figures()', t);
  END LOOP;
END
$$;
