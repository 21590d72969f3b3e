package io.followup.sla.connect.crm.salesforce;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A Salesforce outbound message as it is posted: a SOAP 1.1 envelope whose body is a {@code
 * notifications} element (namespace {@value #OUTBOUND_NS}) with the OrganizationId, the ActionId of
 * the outbound message, and up to 100 Notifications, each its own Id and an sObject whose type is
 * {@code xsi:type} and whose children are the fields the outbound message selects.
 *
 * <p>Each notification becomes the JSON text the outbound mapping reads and a dead letter keeps:
 * {@code {"OrganizationId", "ActionId", "Notification": {"Id", "sObject": {"type", fields...}}}}.
 * The SessionId, a credential when the message is set to send one, is left out.
 *
 * <p>The XML is read with the JDK's parser with DOCTYPEs refused outright, so no entity, internal
 * or external, is ever expanded (XXE, entity expansion).
 */
public final class OutboundMessage {

  public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  public static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
  private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

  /** The most notifications Salesforce puts in one message. */
  static final int MAX_NOTIFICATIONS = 100;

  private final String organizationId;
  private final String actionId;
  private final List<ObjectNode> notifications;

  private OutboundMessage(String organizationId, String actionId, List<ObjectNode> notifications) {
    this.organizationId = organizationId;
    this.actionId = actionId;
    this.notifications = notifications;
  }

  /** Reads a posted body; refused with a one-line reason when it is not an outbound message. */
  public static OutboundMessage parse(byte[] body) {
    Document document = read(body);
    Element envelope = document.getDocumentElement();
    if (!is(envelope, SOAP_NS, "Envelope")) {
      throw new IllegalArgumentException("the body is not a SOAP 1.1 envelope");
    }
    Element notifications =
        child(envelope, SOAP_NS, "Body")
            .flatMap(b -> child(b, OUTBOUND_NS, "notifications"))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the SOAP body holds no notifications element of " + OUTBOUND_NS));
    String organization = text(notifications, "OrganizationId");
    String action = text(notifications, "ActionId");
    List<ObjectNode> out = new ArrayList<>();
    for (Element notification : children(notifications, OUTBOUND_NS, "Notification")) {
      if (out.size() == MAX_NOTIFICATIONS) {
        throw new IllegalArgumentException(
            "more than " + MAX_NOTIFICATIONS + " notifications in one message");
      }
      out.add(notification(organization, action, notification));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the message holds no Notification");
    }
    return new OutboundMessage(organization, action, List.copyOf(out));
  }

  public String organizationId() {
    return organizationId;
  }

  public String actionId() {
    return actionId;
  }

  /** Each notification as JSON text, in the order of the message. */
  public List<String> notifications() {
    return notifications.stream().map(ObjectNode::toString).toList();
  }

  private static Document read(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      // The default handler prints parse errors to stderr; the reason goes to the caller instead.
      builder.setErrorHandler(new DefaultHandler());
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException e) {
      String reason = String.valueOf(e.getMessage());
      throw new IllegalArgumentException(
          reason.contains("DOCTYPE")
              ? "a DOCTYPE is not allowed in an outbound message"
              : "the body is not well-formed XML");
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be set up safely", e);
    }
  }

  private static ObjectNode notification(String organization, String action, Element element) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("OrganizationId", organization);
    json.put("ActionId", action);
    ObjectNode notification = json.putObject("Notification");
    notification.put("Id", text(element, "Id"));
    Element record =
        child(element, OUTBOUND_NS, "sObject")
            .orElseThrow(() -> new IllegalArgumentException("a Notification has no sObject"));
    ObjectNode fields = notification.putObject("sObject");
    String type = record.getAttributeNS(XSI_NS, "type");
    // xsi:type is a QName such as sf:Lead; the object's name is its local part.
    fields.put("type", type.substring(type.indexOf(':') + 1));
    for (Node node = record.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element field
          && !"true".equals(field.getAttributeNS(XSI_NS, "nil"))
          && !hasElements(field)) {
        fields.put(field.getLocalName(), field.getTextContent().strip());
      }
    }
    return json;
  }

  private static boolean hasElements(Element element) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element) {
        return true;
      }
    }
    return false;
  }

  private static boolean is(Node node, String namespace, String name) {
    return node instanceof Element
        && namespace.equals(node.getNamespaceURI())
        && name.equals(node.getLocalName());
  }

  private static Optional<Element> child(Element parent, String namespace, String name) {
    List<Element> found = children(parent, namespace, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String namespace, String name) {
    List<Element> out = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (is(node, namespace, name)) {
        out.add((Element) node);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    String value =
        child(parent, OUTBOUND_NS, name)
            .map(e -> e.getTextContent().strip())
            .filter(t -> !t.isEmpty())
            .orElseThrow(
                () -> new IllegalArgumentException("no " + name + " in " + parent.getLocalName()));
    return value;
  }
}
