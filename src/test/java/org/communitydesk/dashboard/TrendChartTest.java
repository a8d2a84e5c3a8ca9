package org.communitydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.communitydesk.dashboard.StatsViews.Week;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The server-drawn weekly chart: well-formed SVG whose bars and axis say what the figures say. */
class TrendChartTest {

    static final TrendChart.Labels LABELS = new TrendChart.Labels("每周趋势 <test>", "报告", "解决", "周");

    @Test
    void barsAreProportionalToTheFiguresAndTheAxisEndsOnARoundValue() throws Exception {
        List<Week> weeks = List.of(new Week(LocalDate.parse("2026-06-01"), 2, 2),
                new Week(LocalDate.parse("2026-06-08"), 4, 1), new Week(LocalDate.parse("2026-06-15"), 0, 0));

        Document svg = parse(TrendChart.svg(weeks, LABELS));

        NodeList reported = nodes(svg, "//*[local-name()='rect'][@class='reported'][@data-value]");
        NodeList resolved = nodes(svg, "//*[local-name()='rect'][@class='resolved'][@data-value]");
        assertThat(values(reported)).containsExactly("2", "4", "0");
        assertThat(values(resolved)).containsExactly("2", "1", "0");
        double four = height(reported, 1);
        assertThat(height(reported, 0)).isCloseTo(four / 2, org.assertj.core.data.Offset.offset(0.2));
        assertThat(height(resolved, 1)).isCloseTo(four / 4, org.assertj.core.data.Offset.offset(0.2));
        assertThat(height(reported, 2)).isZero();
        assertThat(texts(svg, "//*[local-name()='text'][@class='y-label']")).containsExactly("0", "1", "2", "3", "4");
        assertThat(texts(svg, "//*[local-name()='text'][starts-with(@class,'x-label')]")).containsExactly("06-01", "06-08", "06-15");
        // A phone leaves out every other day (their text is larger there): those are marked.
        assertThat(texts(svg, "//*[local-name()='text'][@class='x-label alt']")).containsExactly("06-08");
        // The title is escaped, so it reads as text and the document stays well-formed.
        assertThat(texts(svg, "/*[local-name()='svg']/*[local-name()='title']")).containsExactly("每周趋势 <test>");
    }

    @Test
    void manyWeeksGetThinnedOutDayLabels() throws Exception {
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            weeks.add(new Week(LocalDate.parse("2026-01-05").plusWeeks(i), 100 + i, 90));
        }
        Document svg = parse(TrendChart.svg(weeks, LABELS));
        assertThat(nodes(svg, "//*[local-name()='rect'][@class='reported'][@data-value]").getLength()).isEqualTo(53);
        assertThat(nodes(svg, "//*[local-name()='text'][starts-with(@class,'x-label')]").getLength())
                .isBetween(2, TrendChart.MAX_X_LABELS);
        // 152 at most: steps of 50 up to 200.
        assertThat(texts(svg, "//*[local-name()='text'][@class='y-label']")).containsExactly("0", "50", "100", "150", "200");
    }

    @Test
    void noTicketsStillDrawsAnAxis() throws Exception {
        Document svg = parse(TrendChart.svg(List.of(new Week(LocalDate.parse("2026-06-01"), 0, 0)), LABELS));
        assertThat(texts(svg, "//*[local-name()='text'][@class='y-label']")).containsExactly("0", "1");
    }

    @ParameterizedTest
    @CsvSource({ "0,1", "4,1", "5,2", "9,5", "20,5", "21,10", "152,50", "999,500", "1000,500", "123456,50000" })
    void stepsAreOneTwoOrFiveTimesAPowerOfTen(long max, long step) {
        assertThat(TrendChart.niceStep(max)).isEqualTo(step);
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Document doc, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    }

    private static List<String> values(NodeList bars) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < bars.getLength(); i++) {
            values.add(((Element) bars.item(i)).getAttribute("data-value"));
        }
        return values;
    }

    private static double height(NodeList bars, int i) {
        return Double.parseDouble(((Element) bars.item(i)).getAttribute("height"));
    }

    private static List<String> texts(Document doc, String xpath) throws Exception {
        NodeList nodes = nodes(doc, xpath);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
