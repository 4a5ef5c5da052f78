package dev.athenaeum.embedding;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.athenaeum.chunking.TextTokenizer;
import dev.athenaeum.chunking.TokenSpans;

import java.nio.charset.StandardCharsets;

/** OpenAI's byte-pair tokenizer (cl100k), for chunk budgets in the tokens OpenAI embedding models count. */
final class BytePairTokenizer implements TextTokenizer {

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    @Override
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    @Override
    public TokenSpans spans(String text) {
        IntArrayList ids = encoding.encodeOrdinary(text);
        // Token bytes concatenate to the text's UTF-8 bytes; map each token's byte offset back to a char offset.
        int[] charAtByte = charOffsetsByByte(text);
        int n = ids.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        IntArrayList one = new IntArrayList(1);
        int bytePos = 0;
        for (int i = 0; i < n; i++) {
            one.clear();
            one.add(ids.get(i));
            int len = encoding.decodeBytes(one).length;
            starts[i] = charAtByte[Math.min(bytePos, charAtByte.length - 1)];
            bytePos += len;
            ends[i] = charAtByte[Math.min(bytePos, charAtByte.length - 1)];
        }
        return new TokenSpans(starts, ends);
    }

    private static int[] charOffsetsByByte(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] map = new int[utf8.length + 1];
        int b = 0;
        for (int c = 0; c < text.length(); ) {
            int cp = text.codePointAt(c);
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            for (int k = 0; k < width && b < map.length; k++) {
                map[b++] = c;
            }
            c += Character.charCount(cp);
        }
        map[utf8.length] = text.length();
        return map;
    }
}
