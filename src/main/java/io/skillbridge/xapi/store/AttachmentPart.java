package io.skillbridge.xapi.store;

/** An attachment's raw content, found by the hash its statement names. */
public record AttachmentPart(String sha2, String contentType, byte[] content) {
}
