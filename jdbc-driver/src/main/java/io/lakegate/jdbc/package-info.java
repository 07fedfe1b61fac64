/**
 * The lakegate thin JDBC driver ({@code jdbc:lakegate:url=http://host:8765}), a vanity driver over
 * Avatica's remote driver; the shaded jar relocates its dependencies under
 * {@code io.lakegate.jdbc.shaded}.
 */
package io.lakegate.jdbc;
