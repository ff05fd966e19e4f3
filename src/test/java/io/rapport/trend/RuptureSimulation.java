package io.rapport.trend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.rapport.demo.AllianceModel;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.scoring.ScoreResult;
import io.rapport.scoring.ScoringEngine;
import io.rapport.trend.api.InstrumentConstantsMapper;

/**
 * The rupture benchmark: how often the drop rules find an injected rupture and how often they flag a steady pair.
 * Pairs come from {@link AllianceModel}; answers are scored by the real {@link ScoringEngine}; the organization's
 * {@link LocalNorms} are computed from all simulated pairs; each series goes through the real {@link TrendEngine}.
 * <p>
 * Run: {@code ./mvnw -Psimulate test-compile exec:exec} (options in {@code -Dsim.args}, e.g.
 * {@code "--reliable-drop-z 3 --personal-k 3 --pairs 400 --seed 7"}). It is a benchmark, not a test: the suite
 * checks the statistics, this checks the rates.
 */
public final class RuptureSimulation {

    static final Set<String> DROPS = Set.of("reliable-drop", "personal-drop");

    /** One row of the results table. */
    record Result(String instrument, double noise, int sessions, int steadyPairs, int rupturedPairs,
            LocalNorms.Estimate norms, double steadyReliable, double steadyPersonal, double steadyAny,
            double steadyBelowCutoff, double foundReliable, double foundPersonal, double foundAny) {
    }

    /** The simulated organization. */
    record Setup(int pairs, long seed, double levelLow, double levelHigh, int ruptureAt, int ruptureLength,
            double ruptureOn40, Thresholds thresholds) {
    }

    public static void main(String[] args) {
        Thresholds defaults = Thresholds.DEFAULTS;
        double z = defaults.reliableDropZ();
        double k = defaults.personalDropSdMultiplier();
        int pairs = 400;
        long seed = 20261201L;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--reliable-drop-z" -> z = Double.parseDouble(args[i + 1]);
                case "--personal-k" -> k = Double.parseDouble(args[i + 1]);
                case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Thresholds thresholds = new Thresholds(defaults.rciZ(), defaults.personalDropMinEarlier(), k,
                defaults.repairWindow(), defaults.noResponseExpiries(), z);
        Setup setup = new Setup(pairs, seed, 34 / 40.0, 39 / 40.0, 6, 2, 8, thresholds);
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(Path.of("questionnaires"), Optional.empty());
        System.out.printf(Locale.ROOT, "Rupture simulation: %d steady and %d ruptured pairs per row, true level"
                + " uniform in %.0f–%.0f %% of the range, rupture of %.0f points (0–40) at session %d for %d sessions,"
                + " reliableDropZ %.2f, personalDropSdMultiplier %.2f, seed %d%n%n", pairs, pairs,
                setup.levelLow() * 100, setup.levelHigh() * 100, setup.ruptureOn40(), setup.ruptureAt(),
                setup.ruptureLength(), z, k, seed);
        System.out.println("| instrument | noise (0–40) | sessions | norms: SD, α [95 % CI], within-pair SD, robust SD |"
                + " steady flagged: reliable-drop | personal-drop | either | below-cutoff |"
                + " ruptures found: reliable-drop | personal-drop | either |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String id : List.of("session-rating-4", "wai-sr")) {
            QuestionnaireDefinition d = catalog.latest(id).orElseThrow();
            for (double noise : new double[] { 1.0, 1.5, 2.5 }) {
                for (int sessions : new int[] { 10, 20 }) {
                    print(run(d, noise, sessions, setup));
                }
            }
        }
    }

    static Result run(QuestionnaireDefinition d, double noise, int sessions, Setup setup) {
        Random random = new Random(setup.seed() ^ (long) (noise * 1000) ^ ((long) sessions << 20) ^ d.id().hashCode());
        AllianceModel model = new AllianceModel(d, noise, random);
        ScoringEngine scoring = new ScoringEngine();
        double ruptureShare = setup.ruptureOn40() / 40;
        List<List<Scored>> steady = new ArrayList<>();
        List<List<Scored>> ruptured = new ArrayList<>();
        for (int p = 0; p < 2 * setup.pairs(); p++) {
            boolean rupture = p % 2 == 1;
            double level = setup.levelLow() + random.nextDouble() * (setup.levelHigh() - setup.levelLow());
            List<Scored> series = new ArrayList<>();
            for (int n = 1; n <= sessions; n++) {
                boolean down = rupture && n >= setup.ruptureAt() && n < setup.ruptureAt() + setup.ruptureLength();
                Map<String, Object> answers = model.answers(down ? level - ruptureShare : level);
                series.add(new Scored(scoring.score(d, answers), scoring.keyedItems(d, answers)));
            }
            (rupture ? ruptured : steady).add(series);
        }
        List<List<LocalNorms.Observation>> all = new ArrayList<>();
        steady.forEach(s -> all.add(observations(d, s)));
        ruptured.forEach(s -> all.add(observations(d, s)));
        InstrumentConstants fromFile = InstrumentConstantsMapper.of(d);
        LocalNorms.Estimate norms = LocalNorms.estimate(all, fromFile.total().step());
        ScoreConstants total = fromFile.total();
        double reliability = Reliability.asReliability(norms.alpha().alpha());
        InstrumentConstants constants = new InstrumentConstants(d.id(), fromFile.concernWhen(),
                new ScoreConstants(norms.sd(), reliability, total.cutoff(), total.step(), norms.noiseSd()), Map.of());
        TrendEngine engine = new TrendEngine(setup.thresholds());

        int[] steadyCounts = new int[4];
        for (List<Scored> s : steady) {
            List<TrendEvent> events = engine.analyse(constants, series(s)).events();
            count(steadyCounts, events, e -> true);
            if (events.stream().anyMatch(e -> e.type().equals("below-cutoff"))) {
                steadyCounts[3]++;
            }
        }
        int[] found = new int[4];
        for (List<Scored> s : ruptured) {
            List<TrendEvent> events = engine.analyse(constants, series(s)).events();
            count(found, events, e -> e.sessionNumber() == setup.ruptureAt()
                    || e.sessionNumber() == setup.ruptureAt() + 1);
        }
        double n = setup.pairs();
        return new Result(d.id(), noise, sessions, steady.size(), ruptured.size(), norms, steadyCounts[0] / n,
                steadyCounts[1] / n, steadyCounts[2] / n, steadyCounts[3] / n, found[0] / n, found[1] / n,
                found[2] / n);
    }

    private static void count(int[] counts, List<TrendEvent> events, java.util.function.Predicate<TrendEvent> when) {
        boolean reliable = events.stream().anyMatch(e -> e.type().equals("reliable-drop") && when.test(e));
        boolean personal = events.stream().anyMatch(e -> e.type().equals("personal-drop") && when.test(e));
        counts[0] += reliable ? 1 : 0;
        counts[1] += personal ? 1 : 0;
        counts[2] += reliable || personal ? 1 : 0;
    }

    static List<SessionObservation> series(List<Scored> scores) {
        List<SessionObservation> series = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            ScoreResult r = scores.get(i).score();
            series.add(SessionObservation.answered(i + 1, TrendFixtures.at(i + 1), r.total().doubleValue(), Map.of()));
        }
        return series;
    }

    /** A scored response with its reverse-keyed items. */
    record Scored(ScoreResult score, Map<String, java.math.BigDecimal> keyed) {
    }

    static List<LocalNorms.Observation> observations(QuestionnaireDefinition d, List<Scored> scores) {
        List<LocalNorms.Observation> result = new ArrayList<>();
        for (Scored s : scores) {
            double[] items = d.items().stream().mapToDouble(i -> s.keyed().get(i.id()).doubleValue()).toArray();
            result.add(new LocalNorms.Observation(s.score().total().doubleValue(), items));
        }
        return result;
    }

    private static void print(Result r) {
        LocalNorms.Estimate e = r.norms();
        System.out.printf(Locale.ROOT,
                "| %s | %.1f | %d | %.2f, %.2f [%.2f, %.2f], %.2f, %.2f | %s | %s | %s | %s | %s | %s | %s |%n",
                r.instrument(), r.noise(), r.sessions(), e.sd(), e.alpha().alpha(), e.alpha().lower95(),
                e.alpha().upper95(), e.withinSd(), e.noiseSd(), pct(r.steadyReliable()), pct(r.steadyPersonal()),
                pct(r.steadyAny()), pct(r.steadyBelowCutoff()), pct(r.foundReliable()), pct(r.foundPersonal()),
                pct(r.foundAny()));
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

}
