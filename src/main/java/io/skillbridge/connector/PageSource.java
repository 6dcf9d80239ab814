package io.skillbridge.connector;

import java.io.IOException;

/**
 * A source that can be read page by page and resumed from any page boundary.
 */
public interface PageSource {

    /**
     * Fetches one page.
     *
     * @param pageState         {@code null} for the first page, else the {@link Page#nextState()} of the previous page
     *                          (possibly from a previous process, after a crash)
     * @param incrementalCursor {@code null} for a full snapshot; else the cursor of the last successful run, which the
     *                          source sends so that only changes come back
     * @throws IOException when the source cannot be read after the configured retries; the run fails and nothing of
     *                     this page is written
     */
    Page fetch(String pageState, String incrementalCursor) throws IOException;
}
