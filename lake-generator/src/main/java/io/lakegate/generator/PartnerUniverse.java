package io.lakegate.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fixed set of partners of a lake, drawn from the seed alone (never from the row count), so
 * that partner ids, regions, networks and contracts are the same at every scale.
 *
 * <p>Quote volume follows a Zipf law over a shuffled volume rank: the ten largest partners carry
 * about half of all quotes. Most partners were under contract before the calendar starts; some
 * are onboarded during it (after a short pilot) and some churn (with a trickle of late quotes).
 */
final class PartnerUniverse {
  /** Partner ids are 1..400. */
  static final int PARTNER_COUNT = 400;
  private static final double ZIPF_EXPONENT = 1.1;
  private static final int ALWAYS_ACTIVE_RANKS = 10;

  private final List<Partner> partners;
  private final List<PartnerChannel> channels;
  private final List<List<PartnerChannel>> channelsByPartner;

  private PartnerUniverse(List<Partner> partners, List<PartnerChannel> channels,
      List<List<PartnerChannel>> channelsByPartner) {
    this.partners = List.copyOf(partners);
    this.channels = List.copyOf(channels);
    this.channelsByPartner = List.copyOf(channelsByPartner);
  }

  static PartnerUniverse create(long seed) {
    SplittableRandom rng = new SplittableRandom(Seeds.of(seed, "partners", 0));
    int[] rankOfId = shuffledRanks(rng);
    double zipfTotal = 0;
    for (int rank = 1; rank <= PARTNER_COUNT; rank++) {
      zipfTotal += zipf(rank);
    }
    WeightedChoice regions = WeightedChoice.of(shares(Region.values().length, r -> Region.values()[r].partnerShare()));
    WeightedChoice networks =
        WeightedChoice.of(shares(Network.values().length, n -> Network.values()[n].partnerShare()));

    List<Partner> partners = new ArrayList<>();
    List<List<PartnerChannel>> channelsByPartner = new ArrayList<>();
    List<PartnerChannel> channels = new ArrayList<>();
    for (int id = 1; id <= PARTNER_COUNT; id++) {
      int rank = rankOfId[id - 1];
      double weight = zipf(rank) / zipfTotal;
      Region region = Region.values()[regions.pick(rng.nextDouble())];
      Map<Network, Double> networkShares = networkShares(rng, networks, rank);
      LocalDate start = contractStart(rng, rank);
      LocalDate end = contractEnd(rng, rank, start);
      double latency = 120 + 900 * rng.nextDouble() * rng.nextDouble();
      Partner partner = new Partner(id, rank, weight, region, start, end, Draws.round(latency, 1));
      double shareTotal = networkShares.values().stream().mapToDouble(Double::doubleValue).sum();
      List<PartnerChannel> own = new ArrayList<>();
      for (Map.Entry<Network, Double> e : networkShares.entrySet()) {
        PartnerChannel channel =
            new PartnerChannel(channels.size(), partner, e.getKey(), weight * e.getValue() / shareTotal);
        own.add(channel);
        channels.add(channel);
      }
      partners.add(partner);
      channelsByPartner.add(List.copyOf(own));
    }
    return new PartnerUniverse(partners, channels, channelsByPartner);
  }

  /** Partners ordered by id (index = id - 1). */
  List<Partner> partners() {
    return partners;
  }

  Partner partner(int id) {
    if (id < 1 || id > PARTNER_COUNT) {
      throw new IllegalArgumentException("partner id " + id + " is outside 1.." + PARTNER_COUNT);
    }
    return partners.get(id - 1);
  }

  /** The partner's channels, in network order. */
  List<PartnerChannel> channelsOf(Partner partner) {
    return channelsByPartner.get(partner.id() - 1);
  }

  /** Every (partner, network) pair, ordered by partner id then network. */
  List<PartnerChannel> channels() {
    return channels;
  }

  private static double zipf(int rank) {
    return 1.0 / StrictMath.pow(rank, ZIPF_EXPONENT);
  }

  /** A random permutation, so the largest partners are not simply the lowest ids. */
  private static int[] shuffledRanks(SplittableRandom rng) {
    int[] ranks = new int[PARTNER_COUNT];
    for (int i = 0; i < PARTNER_COUNT; i++) {
      ranks[i] = i + 1;
    }
    for (int i = PARTNER_COUNT - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = ranks[i];
      ranks[i] = ranks[j];
      ranks[j] = t;
    }
    return ranks;
  }

  /** The share of the enum constant with a given ordinal. */
  private interface IndexedShare {
    double share(int index);
  }

  private static double[] shares(int count, IndexedShare share) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = share.share(i);
    }
    return out;
  }

  /** A main network with share 1 and, for larger partners more often, a few smaller ones. */
  private static Map<Network, Double> networkShares(SplittableRandom rng, WeightedChoice networks, int rank) {
    Map<Network, Double> shares = new EnumMap<>(Network.class);
    shares.put(Network.values()[networks.pick(rng.nextDouble())], 1.0);
    double u = rng.nextDouble();
    int extra = rank <= 20 ? 2 + rng.nextInt(3) : (u < 0.5 ? 0 : u < 0.85 ? 1 : 2);
    for (int i = 0; i < extra; i++) {
      Network network = Network.values()[networks.pick(rng.nextDouble())];
      shares.putIfAbsent(network, Draws.uniform(rng, 0.1, 0.5));
    }
    return shares;
  }

  private static LocalDate contractStart(SplittableRandom rng, int rank) {
    if (rank > ALWAYS_ACTIVE_RANKS && Draws.chance(rng, 0.10)) {
      long span = ChronoUnit.DAYS.between(LakeCalendar.FIRST_DAY.plusDays(30), LakeCalendar.LAST_DAY.minusDays(90));
      return LakeCalendar.FIRST_DAY.plusDays(30 + rng.nextLong(span + 1));
    }
    return LakeCalendar.FIRST_DAY.minusDays(30 + rng.nextInt(1500));
  }

  private static LocalDate contractEnd(SplittableRandom rng, int rank, LocalDate start) {
    if (rank <= ALWAYS_ACTIVE_RANKS || !Draws.chance(rng, 0.08)) {
      return null;
    }
    LocalDate earliest = (start.isAfter(LakeCalendar.FIRST_DAY) ? start : LakeCalendar.FIRST_DAY).plusDays(120);
    LocalDate latest = LakeCalendar.LAST_DAY.minusDays(20);
    if (earliest.isAfter(latest)) {
      return null;
    }
    return earliest.plusDays(rng.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
  }
}
