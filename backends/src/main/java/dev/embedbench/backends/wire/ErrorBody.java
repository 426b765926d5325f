package dev.embedbench.backends.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the OpenAI error envelope; the one place its shape is defined. */
public final class ErrorBody {

  private static final JsonFactory JSON = new JsonFactory();

  private ErrorBody() {}

  public static byte[] encode(ApiError error) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("error");
      g.writeStringField("message", error.message());
      g.writeStringField("type", error.type());
      g.writeStringField("param", error.param());
      g.writeStringField("code", error.code());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
