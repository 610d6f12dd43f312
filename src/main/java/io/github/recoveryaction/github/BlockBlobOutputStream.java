package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams bytes into an Azure block blob behind a signed (SAS) URL: every full block is sent with Put Block while
 * the next one fills, a few at a time, and {@link #close()} commits them with Put Block List. The SAS query is kept
 * as it is and the block parameters are appended. Nothing is committed when a block failed, so an interrupted upload
 * never becomes a blob. Size and SHA-256 of everything written are kept for the artifact service's finalize call.
 */
public final class BlockBlobOutputStream extends OutputStream {

    /** The block size {@code @actions/artifact} uses. */
    public static final int DEFAULT_BLOCK_SIZE = 8 << 20;
    public static final int DEFAULT_CONCURRENCY = 4;

    private final RetryingHttpClient http;
    private final URI blob;
    private final String contentType;
    private final int blockSize;
    private final Semaphore inFlight;
    private final ExecutorService uploads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> pending = new ArrayList<>();
    private final List<String> blockIds = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final MessageDigest digest;
    private byte[] block;
    private int filled;
    private long size;
    private boolean closed;
    private String sha256;

    public BlockBlobOutputStream(RetryingHttpClient http, URI blob, String contentType, int blockSize, int concurrency) {
        this.http = http;
        this.blob = blob;
        this.contentType = contentType;
        this.blockSize = blockSize;
        this.inFlight = new Semaphore(concurrency);
        this.block = new byte[blockSize];
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        rethrowFailure();
        digest.update(b, off, len);
        size += len;
        while (len > 0) {
            int n = Math.min(len, blockSize - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == blockSize) {
                sendBlock();
            }
        }
    }

    /** Sends the last block, waits for all and commits the block list. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (filled > 0) {
                sendBlock();
            }
            awaitBlocks();
            rethrowFailure();
            commit();
            sha256 = "sha256:" + HexFormat.of().formatHex(digest.digest());
        } finally {
            uploads.shutdownNow();
        }
    }

    /** Stops without committing: the blob never appears. */
    public void abort() {
        closed = true;
        failure.compareAndSet(null, new GitHubAccessException("upload to the artifact blob was aborted", 0));
        awaitBlocks();
        uploads.shutdownNow();
    }

    public long size() {
        return size;
    }

    /** {@code sha256:<hex>} of all bytes; available once closed. */
    public String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("the upload is not complete");
        }
        return sha256;
    }

    private void sendBlock() {
        byte[] data = block;
        int length = filled;
        int index = blockIds.size();
        String id = Base64.getEncoder().encodeToString(String.format("block-%08d", index)
                .getBytes(StandardCharsets.US_ASCII));
        blockIds.add(id);
        block = new byte[blockSize];
        filled = 0;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubAccessException("interrupted while uploading", e);
        }
        pending.add(uploads.submit(() -> {
            try {
                if (failure.get() == null) {
                    put("upload block " + index + " of the artifact",
                            "comp=block&blockid=" + URLEncoder.encode(id, StandardCharsets.US_ASCII),
                            HttpRequest.BodyPublishers.ofByteArray(data, 0, length), null);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                inFlight.release();
            }
        }));
    }

    private void commit() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        blockIds.forEach(id -> xml.append("<Latest>").append(id).append("</Latest>"));
        xml.append("</BlockList>");
        put("commit the artifact's block list", "comp=blocklist",
                HttpRequest.BodyPublishers.ofString(xml.toString(), StandardCharsets.UTF_8), contentType);
    }

    private void put(String what, String parameters, HttpRequest.BodyPublisher body, String blobContentType) {
        URI uri = URI.create(blob + (blob.getRawQuery() == null ? "?" : "&") + parameters);
        HttpResponse<String> response = http.send(what, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).PUT(body);
            if (blobContentType != null) {
                request.header("x-ms-blob-content-type", blobContentType).header("Content-Type", "application/xml");
            }
            return request.build();
        }, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new GitHubAccessException(what + " failed: HTTP " + response.statusCode() + " from the blob store",
                    response.statusCode());
        }
    }

    private void awaitBlocks() {
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new GitHubAccessException("interrupted while uploading", e));
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new GitHubAccessException("a block upload failed", e));
            }
        }
        pending.clear();
    }

    private void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
