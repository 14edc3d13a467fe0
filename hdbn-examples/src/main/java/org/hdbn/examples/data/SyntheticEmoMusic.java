package org.hdbn.examples.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.hdbn.data.Interactions;

/**
 * Generates data in the EmoMusicLJ layout with planted heterogeneity, for tests and demos that
 * must know the truth (the setting of Jing et al., arXiv 2406.14090: users differ in how an
 * emotion maps to the music they choose, and groups of such users are found from their genre
 * tastes).
 *
 * <p>The model: each song has a genre (skewed frequencies), an artist of that genre, a year, a
 * 9-d mood distribution peaked on one primary mood, and a Zipf popularity. Each tag has a primary
 * mood ({@code sad} -> Sadness). Each user belongs to one of {@code groups} groups, which differ
 * in (a) favoured genres and (b) how a tag's mood maps to the mood sought: group 0 seeks the
 * tag's mood (sad -> sad songs), group 1 its opposite (sad -> joyful songs, tense -> calm), further
 * groups a random permutation of the moods. A user's own taste adds noise to the genre preference
 * and to what each tag means to them. A choice of song {@code s} under tag {@code t} has
 * probability proportional to {@code exp(logPopularity[s] + genreTaste[u][genre[s]]
 * + 6 * target[u][t] . mood[s])}. The planted group is written to {@code user2cluster.npy}. Optionally
 * ({@link Config#relistenShare()}) a share of choices replays the user's own song for the tag.
 *
 * <p>Deterministic: the same configuration gives byte-identical files. Songs, groups, users and
 * the validation split each draw from their own stream derived from the seed.
 */
public final class SyntheticEmoMusic {

    /**
     * What to generate.
     *
     * @param interactionsPerUser mean interactions per user (each user gets between about half
     *                            and one and a half times this many)
     * @param validationFraction  share of each user's interactions held out for validation (at
     *                            least one interaction per user stays in training)
     * @param relistenShare       share of interactions that replay the user's own song for the tag:
     *                            each user has one song per tag (drawn once from their choice
     *                            distribution for it) and replays it under that tag with this
     *                            probability, so the emotion decides which known song comes back;
     *                            0 (default) plants no re-listening
     */
    public record Config(int users, int songs, int tags, int genres, int groups, int interactionsPerUser,
            double validationFraction, long seed, double relistenShare) {

        public Config {
            requireAtLeast("users", users, 1);
            requireAtLeast("songs", songs, 1);
            requireAtLeast("tags", tags, 1);
            requireAtLeast("genres", genres, 1);
            requireAtLeast("groups", groups, 1);
            requireAtLeast("interactionsPerUser", interactionsPerUser, 2);
            if (!(validationFraction >= 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("validationFraction must be in [0, 1), got " + validationFraction);
            }
            if (!(relistenShare >= 0 && relistenShare <= 1)) {
                throw new IllegalArgumentException("relistenShare must be in [0, 1], got " + relistenShare);
            }
        }

        /** Without planted re-listening. */
        public Config(int users, int songs, int tags, int genres, int groups, int interactionsPerUser,
                double validationFraction, long seed) {
            this(users, songs, tags, genres, groups, interactionsPerUser, validationFraction, seed, 0.0);
        }

        /** The same data with a share of interactions replaying the user's song for the tag. */
        public Config withRelisten(double share) {
            return new Config(users, songs, tags, genres, groups, interactionsPerUser, validationFraction, seed, share);
        }

        /** 600 users, 300 songs, 20 tags, 12 genres, 4 groups, 25 interactions per user, 10% validation, seed 1. */
        public static Config defaults() {
            return new Config(600, 300, 20, 12, 4, 25, 0.1, 1L);
        }

        public Config withSeed(long newSeed) {
            return new Config(users, songs, tags, genres, groups, interactionsPerUser, validationFraction, newSeed,
                    relistenShare);
        }

        private static void requireAtLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
            }
        }
    }

    /**
     * The planted structure (arrays are not copied).
     *
     * @param userGroup           group per user
     * @param groupFavoredGenres  per group, the genres it favours
     * @param groupMoodMap        per group, the mood sought for each tag mood (a permutation of 0..8)
     * @param tagMood             per tag, its primary mood (index into {@link EmoMusicLayout#MOOD_NAMES})
     * @param songPrimaryMood     per song, the mood its distribution peaks on
     */
    public record Truth(int[] userGroup, int[][] groupFavoredGenres, int[][] groupMoodMap, int[] tagMood,
            int[] songPrimaryMood) {
    }

    /** Group 1's map: each mood to its opposite (Sadness <-> Joyful activation, Tension <-> Calmness, ...). */
    static final int[] OPPOSITE_MOOD = {3, 1, 5, 0, 7, 2, 8, 4, 6};

    // tag names cycle through the moods in this order, so any prefix of the tags covers them evenly
    private static final int[] TAG_MOOD_ORDER = {8, 6, 4, 7, 5, 2, 3, 0, 1};
    private static final List<String> TAG_NAMES = List.of(
            "sad", "happy", "calm", "anxious", "angry", "loved", "nostalgic", "excited", "contemplative",
            "depressed", "cheerful", "relaxed", "stressed", "energetic", "romantic", "reminiscent", "amazed",
            "thoughtful", "melancholy", "bouncy", "content", "nervous", "determined", "grateful", "sentimental",
            "surprised", "pensive");
    private static final List<String> GENRE_NAMES = List.of("hip hop", "randb", "pop", "rock", "alternative/indie",
            "electro", "metal", "nu metal", "pop rock", "country", "folk", "reggae", "folk rock", "jazz",
            "soundtrack", "blues", "soft rock", "vocal pop");

    private static final double MOOD_PEAK = 2.5;
    private static final double MOOD_NOISE = 0.8;
    private static final double POPULARITY_SKEW = 0.8;
    private static final double FAVORED_GENRE_BOOST = 2.0;
    private static final double USER_GENRE_NOISE = 0.5;
    private static final double USER_TAG_NOISE = 0.35;
    private static final double MOOD_WEIGHT = 6.0;
    private static final int YEARS = 30;

    private SyntheticEmoMusic() {
    }

    /** Generates a data set into {@code dir} (created if absent; existing files are replaced) and returns the truth. */
    public static Truth generate(Config config, Path dir) {
        Sample sample = sample(config);
        SyntheticFiles.write(dir, sample);
        return sample.truth();
    }

    /** Everything written to the folder, in memory. */
    record Sample(Config config, List<String> tagNames, List<String> genreNames, int[] genres, int[] artists,
            int[] years, double[][] mood, Interactions train, Interactions validation, Truth truth) {
    }

    static Sample sample(Config c) {
        UniformRandomProvider songRng = stream(c.seed(), 1);
        ZigguratSampler.NormalizedGaussian songGauss = ZigguratSampler.NormalizedGaussian.of(songRng);
        double[] genreWeight = new double[c.genres()];
        Arrays.setAll(genreWeight, g -> Math.pow(g + 1, -0.5));
        Categorical genreDraw = new Categorical(genreWeight);
        int artistsPerGenre = Math.max(1, c.songs() / (4 * c.genres()));
        int[] genres = new int[c.songs()];
        int[] artists = new int[c.songs()];
        int[] years = new int[c.songs()];
        int[] primary = new int[c.songs()];
        double[][] mood = new double[c.songs()][];
        for (int s = 0; s < c.songs(); s++) {
            genres[s] = genreDraw.sample(songRng);
            artists[s] = genres[s] * artistsPerGenre + songRng.nextInt(artistsPerGenre);
            years[s] = songRng.nextInt(YEARS);
            primary[s] = songRng.nextInt(EmoMusicLayout.MOODS);
            double[] logits = new double[EmoMusicLayout.MOODS];
            for (int m = 0; m < logits.length; m++) {
                logits[m] = (m == primary[s] ? MOOD_PEAK : 0) + MOOD_NOISE * songGauss.sample();
            }
            mood[s] = softmax(logits);
        }
        int[] rank = PermutationSampler.natural(c.songs());
        PermutationSampler.shuffle(songRng, rank);
        double[] logPopularity = new double[c.songs()];
        Arrays.setAll(logPopularity, s -> -POPULARITY_SKEW * Math.log1p(rank[s]));

        int[] tagMood = new int[c.tags()];
        double[] tagWeight = new double[c.tags()];
        List<String> tagNames = new ArrayList<>();
        for (int t = 0; t < c.tags(); t++) {
            tagMood[t] = TAG_MOOD_ORDER[t % TAG_MOOD_ORDER.length];
            tagWeight[t] = Math.pow(t + 1, -0.6);
            String base = TAG_NAMES.get(t % TAG_NAMES.size());
            tagNames.add(t < TAG_NAMES.size() ? base : base + "-" + (t / TAG_NAMES.size() + 1));
        }
        List<String> genreNames = new ArrayList<>();
        for (int g = 0; g < c.genres(); g++) {
            genreNames.add(g < GENRE_NAMES.size() ? GENRE_NAMES.get(g) : "genre " + g);
        }

        UniformRandomProvider groupRng = stream(c.seed(), 2);
        int favored = Math.max(1, c.genres() / c.groups());
        int[] genreOrder = PermutationSampler.natural(c.genres());
        PermutationSampler.shuffle(groupRng, genreOrder);
        int[][] groupGenres = new int[c.groups()][favored];
        int[][] moodMap = new int[c.groups()][];
        for (int k = 0; k < c.groups(); k++) {
            for (int j = 0; j < favored; j++) {
                groupGenres[k][j] = genreOrder[(k * favored + j) % c.genres()];
            }
            if (k == 0) {
                moodMap[k] = PermutationSampler.natural(EmoMusicLayout.MOODS);
            } else if (k == 1) {
                moodMap[k] = OPPOSITE_MOOD.clone();
            } else {
                moodMap[k] = PermutationSampler.natural(EmoMusicLayout.MOODS);
                PermutationSampler.shuffle(groupRng, moodMap[k]);
            }
        }

        UniformRandomProvider userRng = stream(c.seed(), 3);
        // re-listening draws from its own stream, so data without it stays byte-identical
        UniformRandomProvider relistenRng = stream(c.seed(), 5);
        int[] favourite = new int[c.tags()];
        ZigguratSampler.NormalizedGaussian userGauss = ZigguratSampler.NormalizedGaussian.of(userRng);
        Categorical tagDraw = new Categorical(tagWeight);
        int[] userGroup = new int[c.users()];
        List<int[]> perUser = new ArrayList<>(c.users());
        double[] genreTaste = new double[c.genres()];
        double[][] target = new double[c.tags()][EmoMusicLayout.MOODS];
        double[] weight = new double[c.songs()];
        int half = c.interactionsPerUser() / 2;
        for (int u = 0; u < c.users(); u++) {
            int k = userRng.nextInt(c.groups());
            userGroup[u] = k;
            Arrays.setAll(genreTaste, g -> USER_GENRE_NOISE * userGauss.sample());
            for (int g : groupGenres[k]) {
                genreTaste[g] += FAVORED_GENRE_BOOST;
            }
            for (int t = 0; t < c.tags(); t++) {
                for (int m = 0; m < EmoMusicLayout.MOODS; m++) {
                    target[t][m] = (m == moodMap[k][tagMood[t]] ? 1 : 0) + USER_TAG_NOISE * userGauss.sample();
                }
            }
            int n = Math.max(2, c.interactionsPerUser() - half + userRng.nextInt(2 * half + 1));
            int[] rows = new int[2 * n];
            Arrays.fill(favourite, -1);
            for (int i = 0; i < n; i++) {
                int t = tagDraw.sample(userRng);
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < c.songs(); s++) {
                    weight[s] = logPopularity[s] + genreTaste[genres[s]] + MOOD_WEIGHT * dot(target[t], mood[s]);
                    max = Math.max(max, weight[s]);
                }
                for (int s = 0; s < c.songs(); s++) {
                    weight[s] = Math.exp(weight[s] - max);
                }
                rows[2 * i] = new Categorical(weight).sample(userRng);
                rows[2 * i + 1] = t;
                if (c.relistenShare() > 0 && relistenRng.nextDouble() < c.relistenShare()) {
                    if (favourite[t] < 0) {
                        favourite[t] = new Categorical(weight).sample(relistenRng);
                    }
                    rows[2 * i] = favourite[t];
                }
            }
            perUser.add(rows);
        }
        Interactions[] split = split(c, perUser, stream(c.seed(), 4));
        Truth truth = new Truth(userGroup, groupGenres, moodMap, tagMood, primary);
        return new Sample(c, tagNames, genreNames, genres, artists, years, mood, split[0], split[1], truth);
    }

    /** Holds out a share of each user's interactions, then shuffles the rows of each part. */
    private static Interactions[] split(Config c, List<int[]> perUser, UniformRandomProvider rng) {
        List<int[]> train = new ArrayList<>();
        List<int[]> validation = new ArrayList<>();
        for (int u = 0; u < perUser.size(); u++) {
            int[] rows = perUser.get(u);
            int n = rows.length / 2;
            int[] order = PermutationSampler.natural(n);
            PermutationSampler.shuffle(rng, order);
            int held = Math.min(n - 1, (int) Math.round(c.validationFraction() * n));
            for (int i = 0; i < n; i++) {
                int[] triple = {u, rows[2 * order[i]], rows[2 * order[i] + 1]};
                (i < held ? validation : train).add(triple);
            }
        }
        return new Interactions[] {shuffled(train, rng), shuffled(validation, rng)};
    }

    private static Interactions shuffled(List<int[]> triples, UniformRandomProvider rng) {
        int[] order = PermutationSampler.natural(triples.size());
        PermutationSampler.shuffle(rng, order);
        int[] users = new int[order.length];
        int[] items = new int[order.length];
        int[] contexts = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            int[] triple = triples.get(order[r]);
            users[r] = triple[0];
            items[r] = triple[1];
            contexts[r] = triple[2];
        }
        return new Interactions(users, items, contexts);
    }

    // independent streams per phase, so changing e.g. the number of users leaves the songs unchanged
    private static UniformRandomProvider stream(long seed, int phase) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ (0x9E3779B97F4A7C15L * phase));
    }

    private static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Draws an index with probability proportional to non-negative weights (inverse CDF, binary search). */
    private static final class Categorical {
        private final double[] cumulative;

        Categorical(double[] weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int sample(UniformRandomProvider rng) {
            double x = rng.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, x);
            i = i >= 0 ? i + 1 : -i - 1;
            // x < total, so i is in range except through rounding at the very top
            return Math.min(i, cumulative.length - 1);
        }
    }
}
