package io.lakegate.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import static java.util.Objects.requireNonNull;

/**
 * Builds a connection's protobuf service inside the shaded jar, as Avatica's remote driver does
 * but with {@link ShadedProtobufTranslation}; the driver installs it through Avatica's
 * {@code factory} property. Public only because Avatica instantiates it by name.
 */
public final class ShadedServiceFactory implements Service.Factory {
  public ShadedServiceFactory() {
    // Avatica instantiates plugins through a public no-argument constructor.
  }

  @Override public Service create(AvaticaConnection connection) {
    requireNonNull(connection, "connection");
    ConnectionConfig config = connection.config();
    // Same choice of address and HTTP client as Avatica's Driver.createService.
    String address = config.useClientSideLb()
        ? config.getLBStrategy().getLbURL(config)
        : config.url();
    AvaticaHttpClient client = config.httpClientFactory()
        .getClient(toUrl(address), config, connection.getKerberosConnection());
    return new RemoteProtobufService(client,
        new ShadedProtobufTranslation(new ProtobufTranslationImpl(), ShadedClassNames.current()));
  }

  private static URL toUrl(String address) {
    requireNonNull(address, "url");
    try {
      return new URI(address).toURL();
    } catch (URISyntaxException | MalformedURLException e) {
      // ConnectRequest has already checked the url; this is a load-balancer URL gone wrong.
      throw new IllegalArgumentException("not a gateway address: " + address, e);
    }
  }
}
