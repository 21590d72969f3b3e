package io.followup.sla.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The document at /api/openapi.json is valid OpenAPI 3.1 and names exactly the routes served. */
class OpenApiDocumentTest {

  private static SwaggerParseResult parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser()
        .readContents(
            new String(ApiHandler.openApiDocument(), StandardCharsets.UTF_8), null, options);
  }

  @Test
  void itIsValidOpenApi31() {
    SwaggerParseResult result = parse();

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
  }

  @Test
  void itDocumentsEveryRouteAndNoOther() {
    OpenAPI api = parse().getOpenAPI();

    assertThat(api.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(ApiHandler.ROUTES);
    api.getPaths()
        .forEach(
            (path, item) -> {
              Operation get = item.getGet();
              assertThat(get).as(path).isNotNull();
              assertThat(item.readOperations()).as(path + " only reads").hasSize(1);
              assertThat(get.getResponses()).as(path).containsKeys("200", "401");
            });
  }

  @Test
  void everyErrorOfTheDataRoutesIsDocumented() {
    OpenAPI api = parse().getOpenAPI();
    api.getPaths()
        .forEach(
            (path, item) -> {
              if (path.equals("/api/me")) {
                // About the login itself: nothing to refuse it or not to find.
                assertThat(item.getGet().getResponses()).as(path).containsKeys("400", "401", "503");
              } else if (!path.endsWith("openapi.json")) {
                assertThat(item.getGet().getResponses())
                    .as(path)
                    .containsKeys("400", "401", "403", "404", "503");
              }
            });
  }
}
