<?php
/**
 * Plugin Name:       Plein
 * Description:       Zet de vragen en antwoorden van een Plein-community op uw website met de shortcode [plein].
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * License:           EUPL-1.2
 *
 * Put this file in wp-content/plugins/plein/plein.php and activate "Plein". Set the community's server once, in
 * wp-config.php:
 *
 *     define( 'PLEIN_HOST', 'https://plein.example.nl' );
 *
 * Then write the shortcode in a page, a post or a Shortcode block:
 *
 *     [plein element="questions" community="eemsdelta"]
 *     [plein element="ask" community="eemsdelta" topic="ww"]
 *     [plein element="questions" community="eemsdelta" mode="iframe" height="900"]
 *
 * mode="script" (the default) prints the element tag and loads /embed/plein.js as a module script; mode="iframe"
 * prints an iframe of /embed/frame and loads the small /embed/frame.js, which makes the iframe as tall as its content.
 * The shortcode is expanded when the page is shown, so editors without the unfiltered_html capability can use it
 * (WordPress would strip a <script>, an <iframe> or an unknown tag they typed themselves). docs/embedding.md.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The elements the shortcode may place, by the name used in element="…". */
function plein_elements() {
	return array(
		'questions'    => array( 'tag' => 'plein-questions', 'title' => 'Vragen en antwoorden' ),
		'question'     => array( 'tag' => 'plein-question', 'title' => 'Vraag en antwoorden' ),
		'ask'          => array( 'tag' => 'plein-ask', 'title' => 'Stel een vraag' ),
		'my-questions' => array( 'tag' => 'plein-my-questions', 'title' => 'Mijn vragen' ),
		'contact'      => array( 'tag' => 'plein-contact', 'title' => 'Contact met een adviseur' ),
		'experts'      => array( 'tag' => 'plein-experts', 'title' => 'Experts' ),
		'topics'       => array( 'tag' => 'plein-topics', 'title' => 'Onderwerpen' ),
	);
}

/** The community's server, without a trailing slash; a filter may change it per site in a multisite. */
function plein_host() {
	$host = defined( 'PLEIN_HOST' ) ? PLEIN_HOST : '';
	return untrailingslashit( (string) apply_filters( 'plein_host', $host ) );
}

/** Loads /embed/plein.js once per page, as a module script in the footer. */
function plein_enqueue_bundle( $host ) {
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'plein', $host . '/embed/plein.js', array(), null );
		return;
	}
	wp_enqueue_script( 'plein', $host . '/embed/plein.js', array(), null, array( 'in_footer' => true ) );
}

/** WordPress before 6.5 has no script modules: the bundle's tag gets type="module" here. */
function plein_module_type( $tag, $handle ) {
	if ( 'plein' !== $handle || false !== strpos( $tag, 'type="module"' ) ) {
		return $tag;
	}
	return str_replace( '<script ', '<script type="module" ', $tag );
}
add_filter( 'script_loader_tag', 'plein_module_type', 10, 2 );

/**
 * [plein element="questions" community="eemsdelta" topic="" lang="" question="" mode="script|iframe" height="900"]
 * Every value goes through esc_attr or esc_url; names outside the lists print a comment for the editor, not a tag.
 */
function plein_shortcode( $attributes ) {
	$attributes = shortcode_atts(
		array(
			'element'   => 'questions',
			'community' => '',
			'topic'     => '',
			'lang'      => '',
			'question'  => '',
			'mode'      => 'script',
			'height'    => '900',
			'title'     => '',
		),
		$attributes,
		'plein'
	);
	$elements = plein_elements();
	$host     = plein_host();
	if ( '' === $host || ! isset( $elements[ $attributes['element'] ] ) || '' === $attributes['community'] ) {
		return '<!-- Plein: zet PLEIN_HOST in wp-config.php en gebruik element="questions" en community="…". -->';
	}
	$element = $elements[ $attributes['element'] ];
	$lang    = in_array( $attributes['lang'], array( 'nl', 'en', 'ar' ), true ) ? $attributes['lang'] : '';

	if ( 'iframe' === $attributes['mode'] ) {
		wp_enqueue_script(
			'plein-frame',
			$host . '/embed/frame.js',
			array(),
			null,
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
		$query = array_filter(
			array(
				'element'   => $attributes['element'],
				'community' => $attributes['community'],
				'topic'     => $attributes['topic'],
				'lang'      => $lang,
				'question'  => $attributes['question'],
			),
			'strlen'
		);
		$height = max( 200, min( 5000, absint( $attributes['height'] ) ) );
		$title  = '' !== $attributes['title'] ? $attributes['title'] : $element['title'];
		return sprintf(
			'<iframe data-plein-frame src="%s" title="%s" width="100%%" height="%d" loading="lazy"></iframe>',
			esc_url( add_query_arg( rawurlencode_deep( $query ), $host . '/embed/frame' ) ),
			esc_attr( $title ),
			$height
		);
	}

	plein_enqueue_bundle( $host );
	$html = '<' . $element['tag'] . ' community="' . esc_attr( $attributes['community'] ) . '"';
	if ( '' !== $attributes['topic'] ) {
		$html .= ' topic="' . esc_attr( $attributes['topic'] ) . '"';
	}
	if ( '' !== $lang ) {
		$html .= ' lang="' . esc_attr( $lang ) . '"';
	}
	if ( 'question' === $attributes['element'] ) {
		$html .= ' question-id="' . esc_attr( $attributes['question'] ) . '"';
	}
	return $html . '></' . $element['tag'] . '>';
}
add_shortcode( 'plein', 'plein_shortcode' );
