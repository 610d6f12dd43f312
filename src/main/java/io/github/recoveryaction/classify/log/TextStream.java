package io.github.recoveryaction.classify.log;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Looks at the start of a log before it is scanned: UTF-16 (what PowerShell's {@code >} and {@code Out-File} write,
 * with or without a byte-order mark) is transcoded to UTF-8 on the fly, so the byte-level scanner, colour stripping
 * and the rules see it exactly like a UTF-8 log; empty input and binary data are recognised and named.
 */
public final class TextStream {

    /** What the start of the input shows. */
    public enum Kind {
        TEXT,
        EMPTY,
        BINARY
    }

    /** The stream to scan (UTF-8 or ASCII-compatible bytes) and what it holds. */
    public record Sniffed(InputStream stream, Kind kind) {
    }

    private static final int SNIFF = 8192;

    private TextStream() {
    }

    public static Sniffed sniff(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length < SNIFF && isBlank(head)) {
            return new Sniffed(in, Kind.EMPTY);
        }
        Charset utf16 = utf16(head);
        if (utf16 != null) {
            return new Sniffed(new Utf8Encoding(new InputStreamReader(in, utf16)), Kind.TEXT);
        }
        return new Sniffed(in, binary(head) ? Kind.BINARY : Kind.TEXT);
    }

    /** UTF-16 by its byte-order mark, or by NULs in every other byte of mostly-ASCII text. */
    static Charset utf16(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int pairs = head.length / 2;
        if (pairs < 4) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }
        if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Binary: NUL bytes or many control characters that text never has (tabs, line ends and ESC excepted). */
    static boolean binary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                control++;
            } else if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1B && b != '\f') {
                control++;
            }
        }
        return control > head.length / 10;
    }

    private static boolean isBlank(byte[] head) {
        for (byte b : head) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Re-encodes decoded characters as UTF-8 bytes, chunk by chunk. */
    private static final class Utf8Encoding extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3);
        private boolean eof;

        Utf8Encoding(Reader reader) {
            this.reader = reader;
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!bytes.hasRemaining()) {
                if (eof) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        /** Keeps a high surrogate left over from the last chunk in front of the next one. */
        private void fill() throws IOException {
            chars.compact();
            if (reader.read(chars) < 0) {
                eof = true;
            }
            chars.flip();
            bytes.clear();
            encoder.encode(chars, bytes, eof);
            if (eof) {
                encoder.flush(bytes);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
