package org.communitydesk.common;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.io.UncheckedIOException;

/**
 * XML bodies written by Jackson: UTF-8, no namespace, and preceded by the declaration
 * {@code <?xml version="1.0" encoding="UTF-8"?>}, as Open311 GeoReport v2 asks of every XML answer.
 */
public final class XmlDocuments {

    public static final String MEDIA_TYPE = "text/xml; charset=utf-8";

    private static final XmlMapper MAPPER = createMapper();

    private XmlDocuments() {
    }

    /** The document for a root object whose class names its root element ({@code @JacksonXmlRootElement}). */
    public static byte[] write(Object root) {
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XmlMapper createMapper() {
        WstxOutputFactory output = new WstxOutputFactory();
        // Woodstox writes version='1.0' by default; clients that look for encoding="UTF-8" get it spelled so.
        output.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
        return XmlMapper.builder(XmlFactory.builder().xmlOutputFactory(output).build())
                .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
                .build();
    }
}
