package io.skillbridge.connector.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.skillbridge.connector.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.skillbridge.connector.http.HttpSources.readAll;
import static io.skillbridge.connector.http.HttpSources.refs;
import static io.skillbridge.connector.http.HttpSources.settings;
import static io.skillbridge.connector.http.HttpSources.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpPageSourcePaginationIT {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** {"id":"w1"},{"id":"w2"}... as a JSON array body. */
    private static String workers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "{\"id\":\"w" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "w" + i).toList();
    }

    @Test
    void withoutPaginationOneRequestReadsEverything() throws IOException {
        api.stubFor(get(urlPathEqualTo("/report")).willReturn(okJson("{\"Report_Entry\":" + workers(1, 3) + "}")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/report?format=json");
        settings.setRecordsPath("/Report_Entry");

        List<Page> pages = readAll(source(settings), null);

        assertThat(refs(pages)).containsExactlyElementsOf(ids(1, 3));
        api.verify(1, getRequestedFor(urlPathEqualTo("/report")).withQueryParam("format", equalTo("json")));
    }

    @Test
    void offsetPagingStopsAtTheAnnouncedTotalEvenWhenTheServerCapsThePageSize() throws IOException {
        // The server serves 2 per page although 3 are asked for: the total, not the short page, ends paging.
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson("{\"total\":5,\"data\":" + workers(1, 2) + "}")));
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson("{\"total\":5,\"data\":" + workers(3, 4) + "}")));
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("4"))
                .willReturn(okJson("{\"total\":5,\"data\":" + workers(5, 5) + "}")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/workers");
        settings.setPagination("offset");
        settings.setPageSize(3);
        settings.setRecordsPath("/data");
        settings.setTotalPath("/total");

        List<Page> pages = readAll(source(settings), null);

        assertThat(refs(pages)).containsExactlyElementsOf(ids(1, 5));
        assertThat(pages).extracting(Page::nextState).containsExactly("offset:2", "offset:4", null);
        api.verify(3, getRequestedFor(urlPathEqualTo("/workers")).withQueryParam("limit", equalTo("3")));
    }

    @Test
    void offsetPagingWithoutTotalStopsOnAShortPage() throws IOException {
        api.stubFor(get(urlPathEqualTo("/learningAssets")).withQueryParam("start", equalTo("0"))
                .willReturn(okJson("{\"elements\":" + workers(1, 2) + "}")));
        api.stubFor(get(urlPathEqualTo("/learningAssets")).withQueryParam("start", equalTo("2"))
                .willReturn(okJson("{\"elements\":" + workers(3, 3) + "}")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/learningAssets");
        settings.setPagination("offset");
        settings.setOffsetParam("start");
        settings.setLimitParam("count");
        settings.setPageSize(2);
        settings.setRecordsPath("/elements");

        List<Page> pages = readAll(source(settings), null);

        assertThat(refs(pages)).containsExactlyElementsOf(ids(1, 3));
        api.verify(2, getRequestedFor(urlPathEqualTo("/learningAssets")).withQueryParam("count", equalTo("2")));
    }

    @Test
    void pagePagingCountsFromFirstPageAndStopsOnAnEmptyPage() throws IOException {
        api.stubFor(get(urlPathEqualTo("/users")).withQueryParam("p", equalTo("0"))
                .willReturn(okJson(workers(1, 2))));
        api.stubFor(get(urlPathEqualTo("/users")).withQueryParam("p", equalTo("1"))
                .willReturn(okJson(workers(3, 4))));
        api.stubFor(get(urlPathEqualTo("/users")).withQueryParam("p", equalTo("2")).willReturn(okJson("[]")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/users");
        settings.setPagination("page");
        settings.setPageParam("p");
        settings.setFirstPage(0);
        settings.setLimitParam("");
        settings.setPageSize(2);

        List<Page> pages = readAll(source(settings), null);

        assertThat(refs(pages)).containsExactlyElementsOf(ids(1, 4));
        assertThat(pages).extracting(Page::nextState).containsExactly("page:1", "page:2", null);
        assertThat(api.getAllServeEvents()).hasSize(3)
                .allSatisfy(e -> assertThat(e.getRequest().getUrl()).doesNotContain("limit"));
    }

    @Test
    void nextLinkInTheBodyIsFollowedRelativeToTheRequestUntilAbsent() throws IOException {
        api.stubFor(get(urlPathEqualTo("/api/catalog")).withQueryParam("start", equalTo("0"))
                .willReturn(okJson("{\"elements\":" + workers(1, 2) + ",\"paging\":{\"next\":\"catalog?start=2\"}}")));
        api.stubFor(get(urlPathEqualTo("/api/catalog")).withQueryParam("start", equalTo("2"))
                .willReturn(okJson("{\"elements\":" + workers(3, 4) + ",\"paging\":{\"next\":\""
                        + api.baseUrl() + "/api/catalog?start=4\"}}")));
        api.stubFor(get(urlPathEqualTo("/api/catalog")).withQueryParam("start", equalTo("4"))
                .willReturn(okJson("{\"elements\":" + workers(5, 5) + ",\"paging\":{}}")));
        HttpPullSettings settings = settings(api.baseUrl() + "/api");
        settings.setPath("catalog?start=0");
        settings.setPagination("next-link");
        settings.setRecordsPath("/elements");
        settings.setNextLinkPath("/paging/next");

        List<Page> pages = readAll(source(settings), null);

        assertThat(refs(pages)).containsExactlyElementsOf(ids(1, 5));
        assertThat(pages.get(0).nextState()).isEqualTo("url:" + api.baseUrl() + "/api/catalog?start=2");
        api.verify(3, getRequestedFor(urlPathEqualTo("/api/catalog")));
    }

    @Test
    void linkHeaderRelNextIsFollowed() throws IOException {
        api.stubFor(get(urlPathEqualTo("/repos")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(workers(1, 2)).withHeader("Link",
                        "<" + api.baseUrl() + "/repos?page=2>; rel=\"next\", <" + api.baseUrl()
                                + "/repos?page=2>; rel=\"last\"")));
        api.stubFor(get(urlPathEqualTo("/repos")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(workers(3, 3)).withHeader("Link",
                        "<" + api.baseUrl() + "/repos?page=1>; rel=\"first\"")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/repos?page=1");
        settings.setPagination("link-header");

        List<Page> pages = readAll(source(settings), null);

        assertThat(refs(pages)).containsExactlyElementsOf(ids(1, 3));
        api.verify(2, getRequestedFor(urlPathEqualTo("/repos")));
    }

    @Test
    void cursorTokenIsSentBackUntilTheResponseHasNone() throws IOException {
        api.stubFor(get(urlPathEqualTo("/registrations")).withQueryParam("more", equalTo("tok-2"))
                .willReturn(okJson("{\"registrations\":" + workers(3, 4) + ",\"more\":\"tok-3\"}")));
        api.stubFor(get(urlPathEqualTo("/registrations")).withQueryParam("more", equalTo("tok-3"))
                .willReturn(okJson("{\"registrations\":" + workers(5, 5) + "}")));
        api.stubFor(get(urlPathEqualTo("/registrations")).atPriority(10)
                .willReturn(okJson("{\"registrations\":" + workers(1, 2) + ",\"more\":\"tok-2\"}")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/registrations");
        settings.setPagination("cursor");
        settings.setCursorParam("more");
        settings.setCursorPath("/more");
        settings.setRecordsPath("/registrations");

        List<Page> pages = readAll(source(settings), null);

        assertThat(refs(pages)).containsExactlyElementsOf(ids(1, 5));
        assertThat(pages).extracting(Page::nextState).containsExactly("cursor:tok-2", "cursor:tok-3", null);
        api.verify(3, getRequestedFor(urlPathEqualTo("/registrations")));
    }

    @Test
    void odataNextLinksAreFoundInVersion2AndVersion4Shapes() throws IOException {
        api.stubFor(get(urlPathEqualTo("/odata/User")).withQueryParam("$skiptoken", equalTo("a"))
                .willReturn(okJson("{\"d\":{\"results\":" + workers(3, 4) + ",\"__next\":\"" + api.baseUrl()
                        + "/odata/User?$skiptoken=b\"}}")));
        api.stubFor(get(urlPathEqualTo("/odata/User")).withQueryParam("$skiptoken", equalTo("b"))
                .willReturn(okJson("{\"d\":{\"results\":" + workers(5, 5) + "}}")));
        api.stubFor(get(urlPathEqualTo("/odata/User")).atPriority(10)
                .willReturn(okJson("{\"d\":{\"results\":" + workers(1, 2) + ",\"__next\":\"" + api.baseUrl()
                        + "/odata/User?$skiptoken=a\"}}")));
        api.stubFor(get(urlPathEqualTo("/v4/people")).withQueryParam("$skip", equalTo("2"))
                .willReturn(okJson("{\"value\":" + workers(3, 3) + "}")));
        api.stubFor(get(urlPathEqualTo("/v4/people")).atPriority(10)
                .willReturn(okJson("{\"value\":" + workers(1, 2) + ",\"@odata.nextLink\":\"people?$skip=2\"}")));
        HttpPullSettings v2 = settings(api.baseUrl());
        v2.setPath("/odata/User");
        v2.setPagination("odata");
        v2.setRecordsPath("/d/results");
        HttpPullSettings v4 = settings(api.baseUrl());
        v4.setPath("/v4/people");
        v4.setPagination("odata");
        v4.setRecordsPath("/value");

        assertThat(refs(readAll(source(v2), null))).containsExactlyElementsOf(ids(1, 5));
        assertThat(refs(readAll(source(v4), null))).containsExactlyElementsOf(ids(1, 3));
        api.verify(3, getRequestedFor(urlPathEqualTo("/odata/User")));
        api.verify(2, getRequestedFor(urlPathEqualTo("/v4/people")));
    }

    @Test
    void aNewInstanceResumesFromThePageStateOfAnother() throws IOException {
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson("{\"data\":" + workers(1, 2) + "}")));
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson("{\"data\":" + workers(3, 3) + "}")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/workers");
        settings.setPagination("offset");
        settings.setPageSize(2);
        settings.setRecordsPath("/data");

        String checkpoint = source(settings).fetch(null, null).nextState();
        // The process "crashed" here; a fresh source with the same settings picks up the stored checkpoint.
        Page resumed = source(settings).fetch(checkpoint, null);

        assertThat(checkpoint).isEqualTo("offset:2");
        assertThat(refs(List.of(resumed))).containsExactly("w3");
        assertThat(resumed.nextState()).isNull();
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedSoCredentialsStayWithTheApi() {
        api.stubFor(get(urlPathEqualTo("/workers")).willReturn(okJson(
                "{\"data\":[],\"next\":\"https://collector.example.net/steal?page=2\"}")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/workers");
        settings.setPagination("next-link");
        settings.setRecordsPath("/data");

        assertThatThrownBy(() -> source(settings).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("collector.example.net")
                .hasMessageContaining("leaves the configured API");
    }

    @Test
    void aPageStateOfAnotherPaginationIsRejectedClearly() {
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPagination("cursor");

        assertThatThrownBy(() -> source(settings).fetch("offset:200", null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'offset'").hasMessageContaining("'cursor'");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
