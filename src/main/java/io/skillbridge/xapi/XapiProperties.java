package io.skillbridge.xapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code skillbridge.xapi.*}.
 *
 * @param maxBody          the largest request body accepted; larger ones are answered 413
 * @param pageSize         statements per page when the client asks for {@code limit=0} or more than this
 * @param authorityHomePage the account home page of the authority the LRS writes into stored statements
 * @param clientsFile      the client credentials file, relative to {@code skillbridge.home}
 */
@ConfigurationProperties("skillbridge.xapi")
public record XapiProperties(
        @DefaultValue("10MB") DataSize maxBody,
        @DefaultValue("500") int pageSize,
        @DefaultValue("https://skillbridge.local/xapi/clients") String authorityHomePage,
        @DefaultValue("config/xapi/clients.yaml") String clientsFile) {
}
