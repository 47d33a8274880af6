//! The static explainer (`about.nl.html`, `about.en.html`) is exactly what the `About`
//! component renders, in both languages.

#![cfg(not(target_arch = "wasm32"))]

use wlz_core::Lang;
use wlz_web::about::{About, AboutProps};

async fn render(lang: Lang) -> String {
    yew::LocalServerRenderer::<About>::with_props(AboutProps { lang })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn the_static_explainer_is_what_the_component_renders() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (lang, file) in [(Lang::Nl, "about.nl.html"), (Lang::En, "about.en.html")] {
        let html = render(lang).await;
        assert!(html.starts_with("<div class=\"about\">"), "{html}");
        let path = dir.join(file);
        if std::env::var_os("WLZ_WRITE_ABOUT").is_some() {
            std::fs::write(&path, &html).expect("written");
        }
        let stored = std::fs::read_to_string(&path).expect("the static file");
        assert_eq!(
            stored, html,
            "{file} differs from About: rerun with WLZ_WRITE_ABOUT=1"
        );
    }
}
