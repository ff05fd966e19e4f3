package io.rapport.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.parser.DataFormatException;

/**
 * Reads and writes FHIR resources with HAPI's JSON parser, so no FHIR JSON is written by hand. A body that is not
 * a valid resource of the expected type is a 400 naming the element HAPI complained about.
 */
@Provider
@Consumes({ Fhir.JSON, MediaType.APPLICATION_JSON, "application/json+fhir" })
@Produces({ Fhir.JSON, MediaType.APPLICATION_JSON, "application/json+fhir" })
public class FhirJsonProvider implements MessageBodyReader<IBaseResource>, MessageBodyWriter<IBaseResource> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public IBaseResource readFrom(Class<IBaseResource> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
            throws IOException {
        String text;
        try {
            // Decoded strictly: a body that is not UTF-8 is refused, not read with replacement characters.
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(entityStream.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw FhirException.invalid(type.getSimpleName(), "the body is not valid UTF-8");
        }
        IBaseResource resource;
        try {
            resource = Fhir.strictParser().parseResource(text);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            // HAPI's messages name the element and carry an "HAPI-nnnn" code, never a stack trace or user data.
            throw FhirException.invalid(type.getSimpleName(), message(e));
        }
        // PostgreSQL cannot store the NUL character; the JSON API refuses it too (StrictJsonCustomizer). A NUL can
        // only come from the body's text, so the costly re-encoding runs only when the text might hold one.
        boolean mayHoldNul = text.indexOf(0) >= 0 || text.contains("u0000");
        if (mayHoldNul && Fhir.encode(resource).contains("\\u0000")) {
            throw FhirException.invalid(type.getSimpleName(), "a string contains the NUL character");
        }
        if (!type.isInstance(resource)) {
            throw FhirException.invalid("resourceType", "must be " + type.getSimpleName() + ", not "
                    + Fhir.context().getResourceType(resource));
        }
        return type.cast(resource);
    }

    private static String message(RuntimeException e) {
        String text = e.getMessage() == null ? "not a valid FHIR resource" : e.getMessage();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        entityStream.write(Fhir.encode(resource).getBytes(StandardCharsets.UTF_8));
    }
}
