// GraphiQL against this hub: queries and mutations over HTTP, subscriptions over graphql-ws on the
// same path. A token goes in the headers tab as {"Authorization": "Bearer <token>"}.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import "../cjk-font";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

const http = new URL("/graphql", location.href);
const ws = new URL(http);
ws.protocol = http.protocol === "https:" ? "wss:" : "ws:";
const storedToken = localStorage.getItem("hub.token");

const fetcher = createGraphiQLFetcher({
  url: http.toString(),
  subscriptionUrl: ws.toString(),
  wsConnectionParams: storedToken ? { authorization: `Bearer ${storedToken}` } : undefined,
});

const DEFAULT_QUERY = `# 外事交流枢纽 · the hub's API. Ctrl-Enter runs the query.
# A token (npm run token) goes in Headers: {"Authorization": "Bearer …"}
{
  cities(filter: { nameContains: "鹤城" }) {
    nodes {
      nameZh
      nameEn
      partnerships {
        kind
        stage
        partnerCity {
          nameZh
          country {
            nameZh
          }
        }
      }
    }
  }
}
`;

createRoot(document.getElementById("graphiql")!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: DEFAULT_QUERY,
    defaultHeaders: storedToken
      ? JSON.stringify({ Authorization: `Bearer ${storedToken}` }, null, 2)
      : undefined,
  }),
);
