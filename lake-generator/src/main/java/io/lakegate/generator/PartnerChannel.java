package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

/**
 * One (partner, network) pair: the grain of {@code partner_metrics} and of commission terms.
 *
 * @param index position in {@link PartnerUniverse#channels()}
 * @param partner the partner
 * @param network the network
 * @param weight the pair's share of all quotes while the partner is under contract
 */
record PartnerChannel(int index, Partner partner, Network network, double weight) {
  PartnerChannel {
    requireNonNull(partner, "partner");
    requireNonNull(network, "network");
  }
}
